package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.train.EpochMetrics;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * What a run will cost before it starts (issue 8): its trainings (units of the grid this shard trains) and their
 * image-epochs, and, once the first epoch has been measured, the estimated wall time = image-epochs / the first
 * epoch's images per second. Training only: evaluation after each epoch adds roughly a tenth (a fold tests a tenth
 * of the images, forward only), and the first epoch includes warm-up, so the estimate errs on the long side.
 */
public record CostEstimate(int trainings, int epochs, long imageEpochs) {

    public static CostEstimate of(ExperimentGrid grid, Shard shard, int epochs) {
        var mine = grid.units().stream().filter(u -> u.shard() == shard.index()).toList();
        return new CostEstimate(mine.size(), epochs, mine.stream().mapToLong(ExperimentGrid.Unit::cost).sum());
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d trainings (configuration × run × fold) of %d epochs, %,d image-epochs",
                trainings, epochs, imageEpochs);
    }

    public String wallTime(double imagesPerSecond) {
        double hours = imageEpochs / imagesPerSecond / 3600;
        return String.format(Locale.ROOT, "estimated wall time %.1f h (%s at %.1f images/s, the first epoch's speed)",
                hours, describe(), imagesPerSecond);
    }

    /** Prints {@link #wallTime} once, after the first epoch any training reports. */
    public Consumer<EpochMetrics> printAfterFirstEpoch(Consumer<String> log) {
        boolean[] printed = {false};
        return m -> {
            if (!printed[0]) {
                printed[0] = true;
                log.accept(wallTime(m.imagesPerSecond()));
            }
        };
    }
}
