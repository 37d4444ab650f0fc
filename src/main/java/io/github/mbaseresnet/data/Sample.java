package io.github.mbaseresnet.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One labelled image of a dataset, as its reader found it on disk.
 *
 * @param image    the image file
 * @param subject  the person shown (folds are split on it: subject-independent protocol)
 * @param label    the expression
 * @param sequence the sequence (video/take) the frame belongs to; the file name for still-image datasets
 * @param frame    the frame index inside the sequence, 0 for still images
 */
public record Sample(Path image, String subject, Expression label, String sequence, int frame) {
    public Sample {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(sequence, "sequence");
    }
}
