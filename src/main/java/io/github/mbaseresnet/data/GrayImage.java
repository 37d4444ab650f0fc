package io.github.mbaseresnet.data;

/**
 * A gray image, row-major, luminance in [0, 1].
 */
public record GrayImage(int width, int height, float[] pixels) {
    public GrayImage {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException(
                    "pixels length " + pixels.length + " does not match " + width + "x" + height);
        }
    }

    public float at(int x, int y) {
        return pixels[y * width + x];
    }

    /** The pixels as 8-bit luminance, row-major (clamped to [0, 1], then rounded): what OpenCV and Java2D take. */
    public byte[] bytes() {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.round(255 * Math.max(0, Math.min(1, pixels[i])));
        }
        return out;
    }
}
