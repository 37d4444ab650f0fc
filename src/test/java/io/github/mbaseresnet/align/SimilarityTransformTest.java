package io.github.mbaseresnet.align;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SimilarityTransformTest {
    private static void assertAt(Point p, double x, double y) {
        assertThat(p.x()).isCloseTo(x, within(1e-9));
        assertThat(p.y()).isCloseTo(y, within(1e-9));
    }

    @Test
    void twoPairsAreMatchedExactly() {
        // eyes at (10, 20) and (30, 20) to (20, 30) and (40, 30): scale 1, no rotation, shift (10, 10)
        var t = SimilarityTransform.fit(List.of(new Point(10, 20), new Point(30, 20)),
                List.of(new Point(20, 30), new Point(40, 30)));
        assertThat(t.a()).isCloseTo(1, within(1e-12));
        assertThat(t.b()).isCloseTo(0, within(1e-12));
        assertAt(t.apply(new Point(0, 0)), 10, 10);
    }

    @Test
    void aTiltedFaceIsTurnedLevelAndScaled() {
        // eyes (0, 0) and (10, 10): 14.142 px apart at 45°; to (0, 0) and (20, 0): scale 20/14.142 = √2, −45°
        // so a = √2·cos(−45°) = 1, b = √2·sin(−45°) = −1; (0, 10) maps to (a·0 − b·10, b·0 + a·10) = (10, 10)
        var t = SimilarityTransform.fit(List.of(new Point(0, 0), new Point(10, 10)),
                List.of(new Point(0, 0), new Point(20, 0)));
        assertThat(t.a()).isCloseTo(1, within(1e-12));
        assertThat(t.b()).isCloseTo(-1, within(1e-12));
        assertThat(t.scale()).isCloseTo(Math.sqrt(2), within(1e-12));
        assertAt(t.apply(new Point(10, 10)), 20, 0);
        assertAt(t.apply(new Point(0, 10)), 10, 10);
        assertAt(t.inverse().apply(new Point(10, 10)), 0, 10);
    }

    @Test
    void moreThanTwoPairsGiveTheLeastSquaresFit() {
        // a unit square's corners mapped by x' = 2x + 1, y' = 2y − 3, with +0.5 and −0.5 errors in x on corners 1
        // and 3. Centred: p = (−½,−½), (½,−½), (½,½), (−½,½); q = (−½,−1), (1,−1), (½,1), (−1,1).
        // Σp·q = 0.75 + 1 + 0.75 + 1 = 3.5, Σp×q = 0.25 + 0 + 0.25 + 0 = 0.5, Σ|p|² = 2
        // → a = 1.75, b = 0.25, tx = 2 − (1.75·½ − 0.25·½) = 1.25, ty = −2 − (0.25·½ + 1.75·½) = −3
        var from = List.of(new Point(0, 0), new Point(1, 0), new Point(1, 1), new Point(0, 1));
        var to = List.of(new Point(1.5, -3), new Point(3, -3), new Point(2.5, -1), new Point(1, -1));
        var t = SimilarityTransform.fit(from, to);
        assertThat(t.a()).isCloseTo(1.75, within(1e-12));
        assertThat(t.b()).isCloseTo(0.25, within(1e-12));
        assertThat(t.tx()).isCloseTo(1.25, within(1e-12));
        assertThat(t.ty()).isCloseTo(-3, within(1e-12));
    }

    @Test
    void degenerateInputIsRefused() {
        assertThatThrownBy(() -> SimilarityTransform.fit(List.of(new Point(1, 1)), List.of(new Point(2, 2))))
                .hasMessageContaining("at least 2 point pairs");
        assertThatThrownBy(() -> SimilarityTransform.fit(List.of(new Point(1, 1), new Point(1, 1)),
                List.of(new Point(0, 0), new Point(5, 0)))).hasMessageContaining("coincide");
    }
}
