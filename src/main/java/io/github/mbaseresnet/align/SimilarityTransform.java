package io.github.mbaseresnet.align;

import java.util.List;

/**
 * A similarity transform (rotation, uniform scale, translation; no reflection or shear):
 * {@code x' = a·x − b·y + tx, y' = b·x + a·y + ty}. {@link #fit} is the least-squares fit of point pairs
 * (Umeyama 1991 restricted to 2-D: closed form), exact for two pairs.
 */
public record SimilarityTransform(double a, double b, double tx, double ty) {

    public static SimilarityTransform fit(List<Point> from, List<Point> to) {
        if (from.size() != to.size() || from.size() < 2) {
            throw new IllegalArgumentException("a similarity transform needs at least 2 point pairs, got "
                    + from.size() + " and " + to.size());
        }
        int n = from.size();
        double fx = 0, fy = 0, gx = 0, gy = 0;
        for (int i = 0; i < n; i++) {
            fx += from.get(i).x() / n;
            fy += from.get(i).y() / n;
            gx += to.get(i).x() / n;
            gy += to.get(i).y() / n;
        }
        double dot = 0, cross = 0, norm = 0;
        for (int i = 0; i < n; i++) {
            double px = from.get(i).x() - fx, py = from.get(i).y() - fy;
            double qx = to.get(i).x() - gx, qy = to.get(i).y() - gy;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        if (norm == 0) {
            throw new IllegalArgumentException("the source points coincide: no transform is defined");
        }
        double a = dot / norm;
        double b = cross / norm;
        return new SimilarityTransform(a, b, gx - (a * fx - b * fy), gy - (b * fx + a * fy));
    }

    public Point apply(Point p) {
        return new Point(a * p.x() - b * p.y() + tx, b * p.x() + a * p.y() + ty);
    }

    public SimilarityTransform inverse() {
        double d = a * a + b * b;
        double ia = a / d;
        double ib = -b / d;
        return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
    }

    /** The uniform scale factor. */
    public double scale() {
        return Math.hypot(a, b);
    }
}
