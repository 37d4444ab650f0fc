package io.github.mbaseresnet.train;

/**
 * One epoch of a training run.
 *
 * @param epoch            1-based
 * @param trainLoss        mean mini-batch loss over the epoch
 * @param testAccuracy     accuracy on the held-out fold after the epoch, in percent (for the Figure 9 curves; never
 *                         used to pick an epoch: the last epoch is the result)
 * @param imagesPerSecond  training throughput
 */
public record EpochMetrics(int epoch, double trainLoss, double testAccuracy, double imagesPerSecond) {
}
