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
}
