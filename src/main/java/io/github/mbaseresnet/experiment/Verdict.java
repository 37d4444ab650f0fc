package io.github.mbaseresnet.experiment;

/** The outcome of comparing a measured cell with its expected value. */
public enum Verdict {
    /** The expected value lies within tolerance of the measured mean. */
    PASS,
    /** The measured mean is further from the expected value than the tolerance. */
    OUT_OF_TOLERANCE,
    /** The dataset is not configured; nothing was measured. */
    SKIPPED,
    /**
     * A shard's share of a cell whose other folds other shards train (fer.shard, issue 8): never a result; the cell
     * is judged by {@code fer merge} once every shard's folds are in.
     */
    PARTIAL,
    /** A training outside any table (command line {@code train}): nothing to compare with. */
    NOT_COMPARED
}
