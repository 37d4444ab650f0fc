package io.github.mbaseresnet.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PairedComparisonTest {
    private static PairedComparison.Fold f(int fold, String subject, double acc) {
        return new PairedComparison.Fold(0, fold, Set.of(subject), acc);
    }

    @Test
    void differencesArePairedByFoldAndSummarisedWithAStudentInterval() {
        // differences 2, 4, 6: mean 4, sd 2, t(0.975, 2) = 4.302653, half-width 4.302653·2/√3 = 4.968275
        var c = PairedComparison.of(List.of(f(0, "S1", 80), f(1, "S2", 74), f(2, "S3", 96)),
                List.of(f(2, "S3", 90), f(0, "S1", 78), f(1, "S2", 70)));
        assertThat(c.differences()).containsExactly(2.0, 4.0, 6.0);
        assertThat(c.statistics().mean()).isEqualTo(4.0);
        assertThat(c.statistics().standardDeviation()).isCloseTo(2.0, within(1e-12));
        assertThat(c.lowerBound()).isCloseTo(4 - 4.968275, within(1e-6));
        assertThat(c.upperBound()).isCloseTo(4 + 4.968275, within(1e-6));
    }

    @Test
    void foldsTestedOnOtherSubjectsAreNotAPair() {
        assertThatThrownBy(() -> PairedComparison.of(List.of(f(0, "S1", 80)), List.of(f(0, "S2", 78))))
                .hasMessageContaining("run 1 fold 1").hasMessageContaining("not a paired comparison");
        assertThatThrownBy(() -> PairedComparison.of(List.of(f(0, "S1", 80)), List.of()))
                .hasMessageContaining("same, non-empty set of folds");
    }
}
