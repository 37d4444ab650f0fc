package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.experiment.Progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * {@code fer train}'s progress on stderr (issue 7), one line per epoch so that it reads the same in a terminal and in
 * a log file: a bar over all epochs of the cell, run, fold and epoch, the epoch's loss, test accuracy and images/s,
 * and the time left, estimated from the epochs trained by this process (a resumed run does not count the
 * checkpointed ones as fast).
 */
final class ProgressBar implements Consumer<Progress> {
    private static final int WIDTH = 20;
    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private final long start;
    private int epochsTrained;

    ProgressBar(PrintWriter err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    @Override
    public void accept(Progress p) {
        epochsTrained++;
        double elapsed = (nanoClock.getAsLong() - start) / 1e9;
        int done = p.epochsDone();
        int total = p.epochsTotal();
        int filled = WIDTH * done / total;
        err.println(String.format(Locale.ROOT, "[%s%s] %3d%% run %d/%d fold %d/%d epoch %d/%d · loss %.4f · acc "
                        + "%.2f%% · %.1f img/s · ETA %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                100 * done / total, p.run() + 1, p.runs(), p.fold() + 1, p.folds(), p.metrics().epoch(), p.epochs(),
                p.metrics().trainLoss(), p.metrics().testAccuracy(), p.metrics().imagesPerSecond(),
                duration(elapsed / epochsTrained * (total - done))));
    }

    /** {@code 0:42}, {@code 12:05}, {@code 3:07:09}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
