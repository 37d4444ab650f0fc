package io.github.mbaseresnet.data;

import java.nio.file.Path;

/** Reading image files as gray luminance. */
public final class ImageFiles {
    private ImageFiles() {
    }

    /**
     * Reads any image ImageIO understands (PNG, JPEG, BMP, TIFF incl. palette TIFFs) as gray luminance.
     *
     * @throws DatasetException naming the file when it is missing, unreadable, truncated or not an image
     */
    public static GrayImage readGray(Path file) {
        throw new UnsupportedOperationException("TODO");
    }
}
