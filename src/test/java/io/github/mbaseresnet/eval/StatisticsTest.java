package io.github.mbaseresnet.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatisticsTest {
    @Test
    void meanStandardDeviationAndStudentInterval() {
        // values 90, 92, 94: mean 92, sample sd 2, t(0.975, 2 df) = 4.302653 → half-width 4.302653·2/√3 = 4.968275
        Statistics s = Statistics.of(List.of(90.0, 92.0, 94.0));
        assertThat(s.mean()).isEqualTo(92.0);
        assertThat(s.standardDeviation()).isCloseTo(2.0, within(1e-12));
        assertThat(s.ciHalfWidth()).isCloseTo(4.968275, within(1e-5));
        assertThat(s.standardError()).isCloseTo(2 / Math.sqrt(3), within(1e-12));
    }

    @Test
    void aSingleValueHasNoInterval() {
        Statistics s = Statistics.of(List.of(88.5));
        assertThat(s.standardDeviation()).isZero();
        assertThat(s.ciHalfWidth()).isNaN();
    }
}
