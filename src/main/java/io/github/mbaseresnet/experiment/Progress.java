package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.train.EpochMetrics;

import java.util.Locale;
import java.util.Set;

/**
 * Where a cross-validation stands after one epoch, for logs and progress bars (issue 7).
 *
 * @param run     0-based, of {@code runs}
 * @param fold    0-based, of {@code folds} trained per run
 * @param epochs  epochs per fold
 */
public record Progress(String variant, int run, int runs, int fold, int folds, Set<String> testSubjects,
        int epochs, EpochMetrics metrics) {

    public Progress {
        testSubjects = Set.copyOf(testSubjects);
    }

    /** Epochs of the cell finished, this one included (a resumed fold counts its checkpointed epochs as done). */
    public int epochsDone() {
        return (run * folds + fold) * epochs + metrics.epoch();
    }

    public int epochsTotal() {
        return runs * folds * epochs;
    }

    /** {@code MBA-SE-ResNet run 1/1 fold 2/12 (test [S03]) epoch 4: loss 1.2345, test acc 50.00%, 80.1 img/s}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s epoch %d: loss %.4f, test acc %.2f%%, %.1f img/s",
                tag(variant, run, runs, fold, folds, testSubjects),
                metrics.epoch(), metrics.trainLoss(), metrics.testAccuracy(), metrics.imagesPerSecond());
    }

    /** {@code MBA-SE-ResNet run 1/1 fold 2/12 (test [S03])}, the prefix of a fold's log lines. */
    static String tag(String variant, int run, int runs, int fold, int folds, Set<String> testSubjects) {
        return String.format("%s run %d/%d fold %d/%d (test %s)", variant, run + 1, runs, fold + 1, folds,
                new java.util.TreeSet<>(testSubjects));
    }
}
