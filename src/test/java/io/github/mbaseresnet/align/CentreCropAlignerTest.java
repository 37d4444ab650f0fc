package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.GrayImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CentreCropAlignerTest {
    @Test
    void keepsTheCentredSquareAndResizes() {
        // 40×20 image: white inside the centred 10×10 square, black elsewhere. Fraction 0.5 of the shorter side
        // keeps exactly that square, so every output pixel is white.
        float[] px = new float[40 * 20];
        for (int y = 5; y < 15; y++) {
            for (int x = 15; x < 25; x++) {
                px[y * 40 + x] = 1f;
            }
        }
        GrayImage out = new CentreCropAligner(8, 0.5).align(new GrayImage(40, 20, px), java.util.Optional.empty());
        assertThat(out.width()).isEqualTo(8);
        assertThat(out.height()).isEqualTo(8);
        assertThat(out.pixels()).containsOnly(1f);
        // the whole shorter side: the black border shows up at the left and right edges
        GrayImage wide = new CentreCropAligner(20, 1.0).align(new GrayImage(40, 20, px), java.util.Optional.empty());
        assertThat(wide.at(0, 10)).isZero();
        assertThat(wide.at(10, 10)).isEqualTo(1f);
    }

    @Test
    void settingsAreValidatedByName() {
        assertThatThrownBy(() -> new CentreCropAligner(70, 1.5)).hasMessageContaining("fer.align.fraction");
        assertThatThrownBy(() -> new CentreCropAligner(2, 0.8)).hasMessageContaining("fer.align.size");
    }
}
