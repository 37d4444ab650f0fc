package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.experiment.Progress;
import io.github.mbaseresnet.train.EpochMetrics;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {
    @Test
    void theTimeLeftIsTheMeanEpochTimeOfThisProcessTimesTheEpochsLeft() {
        AtomicLong clock = new AtomicLong(0);
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err, true), clock::get);
        // 2 folds × 5 epochs; resumed in the second fold, whose epoch 3 (8 of 10 done) took this process 30 s
        clock.set(30_000_000_000L);
        bar.accept(new Progress("MBA-SE-ResNet", 0, 1, 1, 2, Set.of("S01"), 5,
                new EpochMetrics(3, 1.23456, 41.666, 12.34)));
        // 2 epochs left at 30 s each: 1:00; 16 of 20 marks
        assertThat(err.toString()).isEqualTo("[################....]  80% run 1/1 fold 2/2 epoch 3/5 · loss 1.2346 · "
                + "acc 41.67% · 12.3 img/s · ETA 1:00" + System.lineSeparator());
        assertThat(ProgressBar.duration(3 * 3600 + 7 * 60 + 9.4)).isEqualTo("3:07:09");
        assertThat(ProgressBar.duration(42)).isEqualTo("0:42");
    }
}
