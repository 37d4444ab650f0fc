package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.eval.Statistics;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.train.TrainingConfig;

import java.util.Map;

/**
 * The complete record of one reproduced table cell: what was expected, how it was measured and what came out. It is
 * written as the cell's JSON run record and feeds the Allure result and the summary table. A training that is not a
 * table cell (the command line's {@code train}) has no expected value and the verdict {@link Verdict#NOT_COMPARED}.
 * {@code alignment} says how faces were aligned and how many from each landmark source; {@code landmarkSources} gives
 * each image's source (path relative to the dataset's folder → {@code ckplus-68}, {@code opencv-eyes},
 * {@code opencv-face-box} or {@code none}; issue 5).
 */
public record CellReport(String table, String row, ExpectedCell expected, String protocol, NetworkConfig network,
        TrainingConfig training, String alignment, Map<String, String> landmarkSources, long seed, String dataset,
        String datasetRoot, int images, int subjects, String manifestSha256, String lockStatus,
        CellMeasurement measurement, Statistics statistics, Verdict verdict, Map<String, String> environment) {

    /** This record's cell with {@code merged} as its measurement (every shard's folds), not yet judged. */
    public CellReport withMeasurement(CellMeasurement merged) {
        return new CellReport(table, row, expected, protocol, network, training, alignment, landmarkSources, seed,
                dataset, datasetRoot, images, subjects, manifestSha256, lockStatus, merged, merged.statistics(),
                Verdict.NOT_COMPARED, environment);
    }

    /** The configuration measured: {@link ExperimentGrid.Configuration#key()}. */
    public String configuration() {
        return dataset + "/" + network.variant() + "/" + network.loss().kind();
    }

    public double measuredMean() {
        return statistics.mean();
    }

    /**
     * This measurement as {@code table}'s {@code cell}: PASS when the cell's value lies within tolerance of the mean.
     * One measurement can serve several tables (Tables 1, 5 and 6 share the MBA-SE-ResNet rows).
     */
    public CellReport judgedAgainst(String forTable, ExpectedCell cell) {
        Verdict v = verdict == Verdict.PARTIAL ? Verdict.PARTIAL
                : cell.accepts(statistics.mean()) ? Verdict.PASS : Verdict.OUT_OF_TOLERANCE;
        return new CellReport(forTable, cell.row(), cell, protocol, network, training, alignment, landmarkSources,
                seed, dataset, datasetRoot, images, subjects, manifestSha256, lockStatus, measurement, statistics, v,
                environment);
    }
}
