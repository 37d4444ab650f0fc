package io.github.mbaseresnet.train;

/**
 * Training-time augmentation of PAPER.md §4 ("random crop, mirror, colour jitter, noise, rotation, translation");
 * test time takes the centre crop only. The paper gives no magnitudes: every one is a setting (README "Settings"),
 * and {@link #PAPER} holds the assumed defaults of the {@code paper} protocol. A magnitude of 0 switches its
 * transform off and draws no random number for it, so a configuration without jitter, noise, rotation and
 * translation gives bit-identical batches to crop + mirror alone (the CPU protocols' calibrations depend on that).
 *
 * @param cropSize          side of the random training crop / centre test crop (64 from 70×70: assumption)
 * @param mirror            horizontal flip with probability ½
 * @param rotationDegrees   rotation uniform in ±this, about the face centre
 * @param translationPixels extra shift uniform in ±this on each axis, on top of the random crop's
 * @param brightness        added to every pixel, uniform in ±this (pixels are in [0, 1])
 * @param contrast          pixels scaled about the image mean by a factor uniform in 1 ± this
 * @param noiseSigma        standard deviation of per-pixel Gaussian noise
 */
public record Augmentation(int cropSize, boolean mirror, double rotationDegrees, double translationPixels,
        double brightness, double contrast, double noiseSigma) {

    /** Assumed magnitudes for the paper protocol: small, as "small rotation/translation" in face work usually is. */
    public static final Augmentation PAPER = new Augmentation(64, true, 10, 3, 0.1, 0.1, 0.02);

    public Augmentation {
        // the network checks the crop against its downsampling (NetworkConfig); here only a crop must exist
        if (cropSize < 1) {
            throw new IllegalArgumentException("crop size (fer.crop) must be >= 1, got " + cropSize);
        }
        requireRange("fer.augment.rotation", rotationDegrees, 0, 45);
        requireRange("fer.augment.translation", translationPixels, 0, 32);
        requireRange("fer.augment.brightness", brightness, 0, 1);
        requireRange("fer.augment.contrast", contrast, 0, 1);
        requireRange("fer.augment.noise", noiseSigma, 0, 1);
    }

    /** Crop and mirror only (the CPU protocols). */
    public Augmentation(int cropSize, boolean mirror) {
        this(cropSize, mirror, 0, 0, 0, 0, 0);
    }

    /** Whether pixels are resampled (rotation or translation), rather than copied from an integer window. */
    boolean resamples() {
        return rotationDegrees > 0 || translationPixels > 0;
    }

    private static void requireRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(key + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
