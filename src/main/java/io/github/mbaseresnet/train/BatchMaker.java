package io.github.mbaseresnet.train;

import io.github.mbaseresnet.align.Face;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns aligned faces into NCHW mini-batches. All randomness (order, crop offsets, flips) comes from the
 * caller's seeded {@link Random}, never from {@code DataSet.shuffle} (backend-dependent and crash-prone in M2.1,
 * DL4J-M2.1.md "Randomness").
 */
public final class BatchMaker {
    private final Augmentation augmentation;
    private final int classes;

    public BatchMaker(Augmentation augmentation, int classes) {
        this.augmentation = augmentation;
        this.classes = classes;
    }

    /** One epoch of shuffled, augmented training batches. */
    public List<DataSet> trainingEpoch(List<Face> faces, int batchSize, Random rng) {
        List<Face> order = new ArrayList<>(faces);
        java.util.Collections.shuffle(order, rng);
        List<DataSet> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += batchSize) {
            batches.add(batch(order.subList(from, Math.min(order.size(), from + batchSize)), rng));
        }
        return batches;
    }

    /** Centre-cropped, un-augmented batches in the given order. */
    public List<DataSet> evaluation(List<Face> faces, int batchSize) {
        List<DataSet> batches = new ArrayList<>();
        for (int from = 0; from < faces.size(); from += batchSize) {
            batches.add(batch(faces.subList(from, Math.min(faces.size(), from + batchSize)), null));
        }
        return batches;
    }

    /** {@code rng == null} means test time: centre crop, no flip. */
    private DataSet batch(List<Face> faces, Random rng) {
        int crop = augmentation.cropSize();
        float[] features = new float[faces.size() * crop * crop];
        INDArray labels = Nd4j.zeros(faces.size(), classes);
        for (int i = 0; i < faces.size(); i++) {
            Face face = faces.get(i);
            int side = face.pixels().width();
            if (face.pixels().height() != side || side < crop) {
                throw new IllegalArgumentException("face " + face.id() + " is " + side + "x"
                        + face.pixels().height() + ", expected a square of at least " + crop);
            }
            int dx = rng == null ? (side - crop) / 2 : rng.nextInt(side - crop + 1);
            int dy = rng == null ? (side - crop) / 2 : rng.nextInt(side - crop + 1);
            boolean flip = rng != null && augmentation.mirror() && rng.nextBoolean();
            int offset = i * crop * crop;
            for (int y = 0; y < crop; y++) {
                for (int x = 0; x < crop; x++) {
                    int sx = flip ? crop - 1 - x : x;
                    features[offset + y * crop + x] = face.pixels().at(dx + sx, dy + y);
                }
            }
            labels.putScalar(i, face.label(), 1.0);
        }
        return new DataSet(Nd4j.create(features, new long[] {faces.size(), 1, crop, crop}, 'c'), labels);
    }
}
