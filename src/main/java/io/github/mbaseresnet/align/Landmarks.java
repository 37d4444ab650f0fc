package io.github.mbaseresnet.align;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The five alignment points of PAPER.md §4 ("5-landmark alignment"), in image pixels, or only the two eye centres
 * when that is all a source has. Left and right are the subject's, as the image shows them (left eye on the left).
 *
 * @param points left eye, right eye[, nose tip, left mouth corner, right mouth corner]
 * @param source where they come from ({@code ckplus-68}, {@code opencv-eyes}, …), recorded per image in the run
 *               record
 * @param box    the face box a detector found the points in ({@link FaceDetector}); empty for a dataset's own files
 */
public record Landmarks(List<Point> points, String source, Optional<FaceBox> box) {
    public Landmarks {
        points = List.copyOf(points);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(box, "box");
        if (points.size() != 2 && points.size() != 5) {
            throw new IllegalArgumentException("alignment needs the 2 eye centres or 5 points, got " + points.size());
        }
    }

    /** Points from a dataset's own landmark files: no face box. */
    public Landmarks(List<Point> points, String source) {
        this(points, source, Optional.empty());
    }
}
