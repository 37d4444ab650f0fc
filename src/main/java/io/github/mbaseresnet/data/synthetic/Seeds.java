package io.github.mbaseresnet.data.synthetic;

/**
 * Derives independent seeds from a master seed and a tuple of indices (SplitMix64 finalizer), so that each image
 * gets its own random stream and the output does not depend on the order in which images are generated.
 */
final class Seeds {
    private Seeds() {
    }

    static long derive(long seed, long... parts) {
        long h = mix(seed);
        for (long part : parts) {
            h = mix(h ^ mix(part + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
