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
}
