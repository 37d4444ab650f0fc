package io.github.mbaseresnet.align;

import java.util.List;

/**
 * The five alignment points of PAPER.md §4 ("5-landmark alignment"), in image pixels, or only the two eye centres
 * when that is all a source has. Left and right are the subject's, as the image shows them (left eye on the left).
 *
 * @param points left eye, right eye[, nose tip, left mouth corner, right mouth corner]
 * @param source where they come from ({@code ckplus-68}, …), recorded per image in the run record
 */
public record Landmarks(List<Point> points, String source) {
    public Landmarks {
        points = List.copyOf(points);
        if (points.size() != 2 && points.size() != 5) {
            throw new IllegalArgumentException("alignment needs the 2 eye centres or 5 points, got " + points.size());
        }
    }
}
