package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.GrayImage;

import java.util.Optional;

/** Turns a dataset image into the square face crop the network sees (PAPER.md §4: aligned, cropped, 70×70). */
public interface FaceAligner {
    /** Aligns with the image's landmarks when it has them; aligners that do not use landmarks ignore them. */
    GrayImage align(GrayImage image, Optional<Landmarks> landmarks);

    /** A short description recorded in run records, e.g. {@code centre-crop(0.80)->70x70}. */
    String describe();
}
