package io.github.mbaseresnet.data.synthetic;

import io.github.mbaseresnet.data.ClassSet;

/**
 * What the synthetic dataset contains. Every image of a config is a pure function of these values (and of
 * {@link SyntheticFaceGenerator#VERSION}), so a materialized copy can be cached under a hash of them.
 *
 * @param subjects         synthetic people, 1..99 (file names use two digits: S01..S99)
 * @param intensityLevels  graded intensities per expression, from subtle to peak, 1..9
 * @param variantsPerLevel images per (subject, expression, level), differing only in nuisance, 1..99
 * @param imageSize        side of the square images in pixels, 32..1024
 * @param seed             master seed
 */
public record SyntheticConfig(int subjects, int intensityLevels, int variantsPerLevel, int imageSize, long seed) {

    /** 12 subjects x 6 expressions x 3 levels x 2 variants = 432 images of 96x96. */
    public static final SyntheticConfig DEFAULT = new SyntheticConfig(12, 3, 2, 96, 20240601L);

    public SyntheticConfig {
        requireRange("subjects", subjects, 1, 99);
        requireRange("intensityLevels", intensityLevels, 1, 9);
        requireRange("variantsPerLevel", variantsPerLevel, 1, 99);
        requireRange("imageSize", imageSize, 32, 1024);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "synthetic dataset setting " + name + " must be in " + min + ".." + max + ", got " + value);
        }
    }

    /** Number of images the dataset holds: one per subject, expression, level and variant. */
    public int imageCount() {
        return subjects * ClassSet.SIX_BASIC.size() * intensityLevels * variantsPerLevel;
    }

    public SyntheticConfig withSeed(long newSeed) {
        return new SyntheticConfig(subjects, intensityLevels, variantsPerLevel, imageSize, newSeed);
    }
}
