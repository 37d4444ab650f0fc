package io.github.mbaseresnet.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One frame of an image sequence on disk.
 *
 * @param image the frame's file
 * @param index its number in the sequence as the dataset numbers it (CK+ {@code S005_001_00000011.png} → 11,
 *              Oulu-CASIA {@code 017.jpeg} → 17)
 */
public record Frame(Path image, int index) {
    public Frame {
        Objects.requireNonNull(image, "image");
    }
}
