package io.github.mbaseresnet.bench;

import io.github.mbaseresnet.model.NetworkConfig;

import java.util.Random;

/**
 * A fixed batch of {@code n} crops of the network's input size (pixels in [0, 1], seeded) with one-hot labels, the
 * classes in turn: the same numbers for the DL4J and the libtorch benchmarks. Plain arrays, so that the libtorch fork
 * needs no ND4J class. Pixel values do not change the time of a step.
 *
 * @param pixels [n, channels, side, side] in 'c' order
 * @param labels [n, classes] in 'c' order
 */
record FixedBatch(int n, float[] pixels, float[] labels) {

    static FixedBatch of(NetworkConfig cfg, int n) {
        Random rng = new Random(BenchSettings.SEED);
        int side = cfg.inputSize();
        float[] pixels = new float[n * cfg.inputChannels() * side * side];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = rng.nextFloat();
        }
        float[] labels = new float[n * cfg.classes()];
        for (int i = 0; i < n; i++) {
            labels[i * cfg.classes() + i % cfg.classes()] = 1;
        }
        return new FixedBatch(n, pixels, labels);
    }

    static long[] pixelShape(NetworkConfig cfg, int n) {
        return new long[] {n, cfg.inputChannels(), cfg.inputSize(), cfg.inputSize()};
    }
}
