package io.github.mbaseresnet.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Width × height of an image, written {@code 640x490}. */
public record ImageSize(int width, int height) {
    private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*[xX×]\\s*(\\d+)");

    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
    }

    /** Parses {@code 640x490}. */
    public static ImageSize parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an image size like 640x490");
        }
        return new ImageSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
