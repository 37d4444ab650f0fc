package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.train.FoldOutcome;

import java.util.Set;

/**
 * One fold of one run.
 *
 * @param run           0-based run index
 * @param fold          0-based fold index
 * @param testSubjects  the held-out subjects
 * @param trainImages   images trained on
 * @param networkSeed   seed of the initial weights
 * @param dataSeed      seed of shuffling and augmentation
 */
public record FoldResult(int run, int fold, Set<String> testSubjects, int trainImages, long networkSeed,
        long dataSeed, FoldOutcome outcome) {
    public FoldResult {
        testSubjects = Set.copyOf(testSubjects);
    }

    public double accuracyPercent() {
        return outcome.accuracyPercent();
    }
}
