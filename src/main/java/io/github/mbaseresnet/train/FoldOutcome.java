package io.github.mbaseresnet.train;

import io.github.mbaseresnet.eval.ConfusionMatrix;

import java.util.List;

/**
 * The result of training on all folds but one and testing on the held-out one.
 *
 * @param confusion confusion matrix on the test fold after the last epoch
 * @param epochs    per-epoch metrics
 * @param seconds   wall time of training and evaluation
 */
public record FoldOutcome(ConfusionMatrix confusion, List<EpochMetrics> epochs, double seconds) {
    public FoldOutcome {
        epochs = List.copyOf(epochs);
    }

    public double accuracyPercent() {
        return confusion.accuracyPercent();
    }
}
