package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.GrayImage;

/** Turns a dataset image into the square face crop the network sees (PAPER.md §4: aligned, cropped, 70×70). */
public interface FaceAligner {
    GrayImage align(GrayImage image);

    /** A short description recorded in run records, e.g. {@code centre-crop(0.80)->70x70}. */
    String describe();
}
