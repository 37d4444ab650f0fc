package io.github.mbaseresnet.train;

import io.github.mbaseresnet.align.Face;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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
        List<DataSet> batches = new ArrayList<>();
        training(faces, batchSize, rng, 1).forEachRemaining(batches::add);
        return batches;
    }

    /**
     * {@code epochs} epochs of shuffled, augmented training batches, each made when asked for: an epoch's shuffle
     * when its first batch is, then each batch's crops, flips and jitter. {@code rng} is drawn in that order only,
     * so iterating on any one thread (PrefetchingIterator) gives the same batches as {@link #trainingEpoch} calls.
     */
    public Iterator<DataSet> training(List<Face> faces, int batchSize, Random rng, int epochs) {
        return new Iterator<>() {
            private int epoch;
            private List<Face> order = List.of();
            private int from;

            @Override
            public boolean hasNext() {
                return from < order.size() || (epoch < epochs && !faces.isEmpty());
            }

            @Override
            public DataSet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("all " + epochs + " epochs were made");
                }
                if (from >= order.size()) {
                    List<Face> shuffled = new ArrayList<>(faces);
                    Collections.shuffle(shuffled, rng);
                    order = shuffled;
                    from = 0;
                    epoch++;
                }
                int to = Math.min(order.size(), from + batchSize);
                DataSet batch = batch(order.subList(from, to), rng);
                from = to;
                return batch;
            }
        };
    }

    /** Centre-cropped, un-augmented batches in the given order. */
    public List<DataSet> evaluation(List<Face> faces, int batchSize) {
        List<DataSet> batches = new ArrayList<>();
        for (int from = 0; from < faces.size(); from += batchSize) {
            batches.add(batch(faces.subList(from, Math.min(faces.size(), from + batchSize)), null));
        }
        return batches;
    }

    /** {@code rng == null} means test time: centre crop, no flip, no jitter. */
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
            // random numbers are drawn in a fixed order, and only for the transforms that are switched on
            int dx = rng == null ? (side - crop) / 2 : rng.nextInt(side - crop + 1);
            int dy = rng == null ? (side - crop) / 2 : rng.nextInt(side - crop + 1);
            boolean flip = rng != null && augmentation.mirror() && rng.nextBoolean();
            int offset = i * crop * crop;
            if (rng != null && augmentation.resamples()) {
                resample(face, features, offset, dx, dy, flip, rng);
            } else {
                for (int y = 0; y < crop; y++) {
                    for (int x = 0; x < crop; x++) {
                        int sx = flip ? crop - 1 - x : x;
                        features[offset + y * crop + x] = face.pixels().at(dx + sx, dy + y);
                    }
                }
            }
            if (rng != null) {
                jitter(features, offset, crop * crop, rng);
            }
            labels.putScalar(i, face.label(), 1.0);
        }
        return new DataSet(Nd4j.create(features, new long[] {faces.size(), 1, crop, crop}, 'c'), labels);
    }

    /**
     * The crop window rotated about the face centre and shifted, sampled bilinearly (edges clamped): output pixel
     * (x, y) reads the face at R(−θ)·(p − c − t) + c, where p is its position in the face.
     */
    private void resample(Face face, float[] out, int offset, int dx, int dy, boolean flip, Random rng) {
        int crop = augmentation.cropSize();
        double theta = Math.toRadians(uniform(rng, augmentation.rotationDegrees()));
        double tx = uniform(rng, augmentation.translationPixels());
        double ty = uniform(rng, augmentation.translationPixels());
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double c = (face.pixels().width() - 1) / 2.0;
        for (int y = 0; y < crop; y++) {
            for (int x = 0; x < crop; x++) {
                double px = dx + (flip ? crop - 1 - x : x) - c - tx;
                double py = dy + y - c - ty;
                out[offset + y * crop + x] = bilinear(face, cos * px + sin * py + c, -sin * px + cos * py + c);
            }
        }
    }

    /** Brightness and contrast jitter, then Gaussian noise, clamped to [0, 1]. */
    private void jitter(float[] pixels, int offset, int length, Random rng) {
        boolean colour = augmentation.brightness() > 0 || augmentation.contrast() > 0;
        if (!colour && augmentation.noiseSigma() == 0) {
            return;
        }
        double shift = uniform(rng, augmentation.brightness());
        double scale = 1 + uniform(rng, augmentation.contrast());
        double mean = 0;
        for (int k = 0; k < length; k++) {
            mean += pixels[offset + k];
        }
        mean /= length;
        for (int k = 0; k < length; k++) {
            double v = (pixels[offset + k] - mean) * scale + mean + shift;
            if (augmentation.noiseSigma() > 0) {
                v += rng.nextGaussian() * augmentation.noiseSigma();
            }
            pixels[offset + k] = (float) Math.min(1, Math.max(0, v));
        }
    }

    /** Uniform in ±magnitude; draws nothing for a magnitude of 0. */
    private static double uniform(Random rng, double magnitude) {
        return magnitude == 0 ? 0 : (rng.nextDouble() * 2 - 1) * magnitude;
    }

    private static float bilinear(Face face, double x, double y) {
        int w = face.pixels().width();
        int h = face.pixels().height();
        double cx = Math.min(w - 1, Math.max(0, x));
        double cy = Math.min(h - 1, Math.max(0, y));
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        double fx = cx - x0;
        double fy = cy - y0;
        double top = face.pixels().at(x0, y0) * (1 - fx) + face.pixels().at(x1, y0) * fx;
        double bottom = face.pixels().at(x0, y1) * (1 - fx) + face.pixels().at(x1, y1) * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }
}
