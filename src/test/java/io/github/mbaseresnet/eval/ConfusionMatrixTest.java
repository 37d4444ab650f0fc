package io.github.mbaseresnet.eval;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.Expression;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConfusionMatrixTest {
    private static final ClassSet TWO = new ClassSet(List.of(Expression.HAPPINESS, Expression.SADNESS));

    @Test
    void accuracyAndRowPercentagesByHand() {
        // true HA: 3 right, 1 called SA; true SA: 2 called HA, 4 right → accuracy 7/10
        ConfusionMatrix m = ConfusionMatrix.empty(TWO);
        for (int[] pair : new int[][] {{0, 0}, {0, 0}, {0, 0}, {0, 1}, {1, 0}, {1, 0}, {1, 1}, {1, 1}, {1, 1},
                {1, 1}}) {
            m = m.plus(pair[0], pair[1]);
        }
        assertThat(m.accuracyPercent()).isEqualTo(70.0);
        assertThat(m.rowPercent()[0]).containsExactly(75.0, 25.0);
        assertThat(m.rowPercent()[1][0]).isCloseTo(33.333, within(1e-3));
        assertThat(m.toCsv()).isEqualTo("true\\predicted,HA,SA\nHA,3,1\nSA,2,4\n");
        assertThat(m.plus(m).total()).isEqualTo(20);
    }

    @Test
    void anEmptyMatrixHasNoAccuracy() {
        assertThat(ConfusionMatrix.empty(TWO).accuracyPercent()).isNaN();
    }
}
