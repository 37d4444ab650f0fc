package io.github.mbaseresnet.align;

import java.util.List;

/**
 * Where the five points go in the aligned face, as fractions of its side. The values are insightface's (ArcFace)
 * 112×112 five-point template divided by 112: the template the field's face pipelines share, a tight crop with the
 * eyes at 46% of the height and 31% of the width apart, so that brows, eyes and mouth (what expressions move) fill
 * the 70×70 crop and the random 64×64 training crop still contains them.
 */
public final class CanonicalTemplate {
    /** Left eye, right eye, nose tip, left mouth corner, right mouth corner. */
    public static final List<Point> FIVE_POINTS = List.of(
            new Point(38.2946 / 112, 51.6963 / 112), new Point(73.5318 / 112, 51.5014 / 112),
            new Point(56.0252 / 112, 71.7366 / 112), new Point(41.5493 / 112, 92.3655 / 112),
            new Point(70.7299 / 112, 92.2041 / 112));

    private CanonicalTemplate() {
    }

    /** The first {@code n} template points (2: the eyes; 5: all) in pixels of a {@code size}×{@code size} face. */
    public static List<Point> inPixels(int n, int size) {
        return FIVE_POINTS.subList(0, n).stream().map(p -> new Point(p.x() * size, p.y() * size)).toList();
    }
}
