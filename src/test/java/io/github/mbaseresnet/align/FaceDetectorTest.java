package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.GrayImage;
import io.github.mbaseresnet.data.Sample;
import io.github.mbaseresnet.data.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The detector and the landmark tiers on images without a face; the photographs are FaceDetectionPhotoTest's. */
class FaceDetectorTest {

    private static int[] noise(int n, long seed) {
        Random r = new Random(seed);
        int[] px = new int[n];
        for (int i = 0; i < n; i++) {
            px[i] = r.nextInt(256);
        }
        return px;
    }

    @Test
    void imagesWithoutAFaceGiveNoFaceAndNoError() {
        try (FaceDetector detector = new FaceDetector(DetectorSettings.DEFAULT)) {
            float[] flat = new float[320 * 240];
            java.util.Arrays.fill(flat, 0.5f);
            assertThat(detector.detect(new GrayImage(320, 240, flat))).isEmpty();
            float[] noise = new float[320 * 240];
            int[] values = noise(noise.length, 7);
            for (int i = 0; i < noise.length; i++) {
                noise[i] = values[i] / 255f;
            }
            assertThat(detector.detect(new GrayImage(320, 240, noise))).isEmpty();
        }
    }

    @Test
    void anImageWithoutAFaceIsCountedAsTheFallbackInEachTierOrder(@TempDir Path dir) throws Exception {
        Path flat = dir.resolve("cohn-kanade-images/S005/001/S005_001_00000001.png");
        Path noisy = dir.resolve("cohn-kanade-images/S005/001/S005_001_00000002.png");
        int[] gray = new int[160 * 120];
        java.util.Arrays.fill(gray, 128);
        java.nio.file.Files.createDirectories(flat.getParent());
        TestImages.write(TestImages.gray8(160, 120, gray), "png", flat);
        TestImages.write(TestImages.gray8(160, 120, noise(160 * 120, 3)), "png", noisy);
        List<Sample> samples = List.of(new Sample(flat, "S005", Expression.ANGER, "S005_001", 1),
                new Sample(noisy, "S005", Expression.ANGER, "S005_001", 2));
        // CK+'s files (none here), then the detector (no face), then the centre crop, counted as none
        try (LandmarkSource tiers = new CkPlusLandmarks().orElse(new DetectedLandmarks(DetectorSettings.DEFAULT))) {
            var prepared = new FacePreparation(new LandmarkAligner(70, new CentreCropAligner(70, 0.8)), tiers)
                    .prepare(samples, ClassSet.SIX_BASIC);
            assertThat(prepared.faces()).hasSize(2);
            assertThat(prepared.alignedBy()).isEqualTo(Map.of(FacePreparation.NONE, 2));
            assertThat(prepared.sourceByImage()).containsExactly(
                    Map.entry(FacePreparation.imageName(flat), FacePreparation.NONE),
                    Map.entry(FacePreparation.imageName(noisy), FacePreparation.NONE));
        }
    }

    @Test
    void anUnknownCascadeIsAClearError() {
        var settings = new DetectorSettings("haarcascade_frontalface_nonesuch", "haarcascade_eye", 1.1, 3, 0.1, 640);
        assertThatThrownBy(() -> new FaceDetector(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("haarcascade_frontalface_nonesuch");
    }

    @Test
    void theFaceBoxFallbackPutsTheEyesAtTheDocumentedFractions() {
        FaceBox box = new FaceBox(100, 50, 200, 180);
        assertThat(box.at(FaceDetector.EYE_LEFT_X, FaceDetector.EYE_Y)).isEqualTo(new Point(160, 50 + 0.36 * 180));
        assertThat(box.at(FaceDetector.EYE_RIGHT_X, FaceDetector.EYE_Y).x()).isEqualTo(100 + 0.67 * 200);
    }
}
