package io.github.mbaseresnet.train;

import io.github.mbaseresnet.align.Face;
import io.github.mbaseresnet.data.GrayImage;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BatchMakerTest {
    /** A 4×4 face whose pixel (x, y) has value (10·y + x) / 100, so crops and flips can be read off exactly. */
    private static Face face(int label) {
        float[] px = new float[16];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                px[y * 4 + x] = (10 * y + x) / 100f;
            }
        }
        return new Face("f" + label, "S1", label, new GrayImage(4, 4, px));
    }

    @Test
    void testTimeTakesTheCentreCropUnflipped() {
        DataSet batch = new BatchMaker(new Augmentation(2, true), 3).evaluation(List.of(face(2)), 16).get(0);
        // centre 2×2 of the 4×4 face: rows 1–2, columns 1–2
        assertThat(batch.getFeatures().reshape(4).toFloatVector()).containsExactly(0.11f, 0.12f, 0.21f, 0.22f);
        assertThat(batch.getLabels().toFloatVector()).containsExactly(0f, 0f, 1f);
    }

    @Test
    void trainingCropsAreRandomWindowsPossiblyMirrored() {
        List<Face> faces = IntStream.range(0, 40).mapToObj(i -> face(i % 3)).toList();
        DataSet batch = new BatchMaker(new Augmentation(3, true), 3).trainingEpoch(faces, 40, new Random(1)).get(0);
        float[][] crops = batch.getFeatures().reshape(40, 9).toFloatMatrix();
        boolean sawMirror = false;
        for (float[] c : crops) {
            float dx = c[1] - c[0];
            assertThat(Math.abs(dx)).isCloseTo(0.01f, org.assertj.core.api.Assertions.within(1e-6f));
            assertThat(c[3] - c[0]).isCloseTo(0.10f, org.assertj.core.api.Assertions.within(1e-6f));
            sawMirror |= dx < 0;
        }
        assertThat(sawMirror).isTrue();
        assertThat(java.util.Arrays.stream(crops).map(c -> c[0]).distinct().count()).isGreaterThan(1);
    }

    @Test
    void theSameSeedGivesTheSameBatches() {
        List<Face> faces = IntStream.range(0, 20).mapToObj(i -> face(i % 3)).toList();
        BatchMaker maker = new BatchMaker(new Augmentation(3, true), 3);
        List<DataSet> a = maker.trainingEpoch(faces, 8, new Random(5));
        List<DataSet> b = maker.trainingEpoch(faces, 8, new Random(5));
        assertThat(a).hasSize(3);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).getFeatures()).isEqualTo(b.get(i).getFeatures());
            assertThat(a.get(i).getLabels()).isEqualTo(b.get(i).getLabels());
        }
    }

    /** A square face of {@code side} whose every pixel is {@code value}. */
    private static Face flat(int side, float value) {
        float[] px = new float[side * side];
        java.util.Arrays.fill(px, value);
        return new Face("flat", "S1", 0, new GrayImage(side, side, px));
    }

    private static float[] oneCrop(Augmentation a, Face face, long seed) {
        return new BatchMaker(a, 3).trainingEpoch(List.of(face), 1, new Random(seed)).get(0).getFeatures()
                .reshape(a.cropSize() * a.cropSize()).toFloatVector();
    }

    @Test
    void withEveryMagnitudeZeroTheBatchesAreThoseOfCropAndMirrorAlone() {
        List<Face> faces = IntStream.range(0, 10).mapToObj(i -> face(i % 3)).toList();
        var plain = new BatchMaker(new Augmentation(3, true), 3).trainingEpoch(faces, 10, new Random(5));
        var zeros = new BatchMaker(new Augmentation(3, true, 0, 0, 0, 0, 0), 3).trainingEpoch(faces, 10,
                new Random(5));
        assertThat(zeros.get(0).getFeatures()).isEqualTo(plain.get(0).getFeatures());
    }

    @Test
    void gaussianNoiseHasTheConfiguredStandardDeviation() {
        // a flat 0.5 face, 64×64 crop, σ = 0.05: the sample sd of 4096 pixels is within 5% of σ, the mean within 0.005
        float[] px = oneCrop(new Augmentation(64, false, 0, 0, 0, 0, 0.05), flat(70, 0.5f), 3);
        double mean = 0;
        for (float v : px) {
            mean += v / px.length;
        }
        double ss = 0;
        for (float v : px) {
            ss += (v - mean) * (v - mean);
        }
        assertThat(mean).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.005));
        assertThat(Math.sqrt(ss / (px.length - 1))).isCloseTo(0.05, org.assertj.core.api.Assertions.within(0.0025));
    }

    @Test
    void brightnessShiftsAFlatFaceWithinItsRangeAndContrastLeavesItFlat() {
        for (long seed = 0; seed < 20; seed++) {
            float[] px = oneCrop(new Augmentation(8, false, 0, 0, 0.1, 0.5, 0), flat(10, 0.5f), seed);
            assertThat(px[0]).isBetween(0.4f, 0.6f);
            for (float v : px) {
                assertThat(v).isEqualTo(px[0]); // a flat image has no contrast to scale
            }
        }
    }

    @Test
    void rotationTurnsTheFaceAboutItsCentre() {
        // a 9×9 face with one bright pixel right of the centre (x = 6, y = 4): rotated by up to 45°, the crop
        // (centre 9×9, no shift) keeps the brightest value at distance 2 from the centre, not at the same place
        float[] px = new float[81];
        px[4 * 9 + 6] = 1;
        Face face = new Face("dot", "S1", 0, new GrayImage(9, 9, px));
        boolean moved = false;
        for (long seed = 0; seed < 10; seed++) {
            float[] out = oneCrop(new Augmentation(9, false, 45, 0, 0, 0, 0), face, seed);
            int brightest = 0;
            for (int k = 1; k < out.length; k++) {
                brightest = out[k] > out[brightest] ? k : brightest;
            }
            double r = Math.hypot(brightest % 9 - 4, brightest / 9 - 4);
            assertThat(r).isBetween(1.0, 3.0);
            moved |= brightest != 4 * 9 + 6;
        }
        assertThat(moved).isTrue();
    }

    @Test
    void magnitudesOutsideTheirRangeNameTheirSetting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Augmentation(64, true, 90, 0, 0, 0, 0))
                .hasMessageContaining("fer.augment.rotation");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Augmentation(64, true, 0, 0, 0, 0, -1))
                .hasMessageContaining("fer.augment.noise");
    }
}
