package io.github.mbaseresnet.train;

/**
 * Training-time augmentation of PAPER.md §4 ("random crop, mirror, colour jitter, noise, rotation, translation").
 * This first version implements the random crop and the mirror; test time takes the centre crop.
 *
 * @param cropSize side of the random training crop / centre test crop (64 from 70×70: assumption)
 * @param mirror   horizontal flip with probability ½
 */
public record Augmentation(int cropSize, boolean mirror) {
    public Augmentation {
        // the network checks the crop against its downsampling (NetworkConfig); here only a crop must exist
        if (cropSize < 1) {
            throw new IllegalArgumentException("crop size (fer.crop) must be >= 1, got " + cropSize);
        }
    }
}
