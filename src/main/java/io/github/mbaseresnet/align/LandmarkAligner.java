package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.GrayImage;

import java.util.Optional;

/**
 * PAPER.md §4's alignment: the similarity transform that puts the landmarks on {@link CanonicalTemplate}'s points,
 * then a {@code size}×{@code size} gray face sampled bilinearly through its inverse (pixels outside the image take
 * the nearest edge). Images without landmarks fall back to {@code fallback} (the centre crop), and the caller counts
 * them (FacePreparation).
 *
 * @param size     output side (70 in the paper)
 * @param fallback used when an image has no landmarks
 */
public record LandmarkAligner(int size, FaceAligner fallback) implements FaceAligner {

    @Override
    public GrayImage align(GrayImage image, Optional<Landmarks> landmarks) {
        if (landmarks.isEmpty()) {
            return fallback.align(image, landmarks);
        }
        var points = landmarks.get().points();
        SimilarityTransform toImage = SimilarityTransform.fit(points, CanonicalTemplate.inPixels(points.size(),
                size)).inverse();
        float[] out = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                Point p = toImage.apply(new Point(x, y));
                out[y * size + x] = bilinear(image, p.x(), p.y());
            }
        }
        return new GrayImage(size, size, out);
    }

    static float bilinear(GrayImage image, double x, double y) {
        double cx = Math.min(image.width() - 1, Math.max(0, x));
        double cy = Math.min(image.height() - 1, Math.max(0, y));
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(image.width() - 1, x0 + 1);
        int y1 = Math.min(image.height() - 1, y0 + 1);
        double fx = cx - x0;
        double fy = cy - y0;
        double top = image.at(x0, y0) * (1 - fx) + image.at(x1, y0) * fx;
        double bottom = image.at(x0, y1) * (1 - fx) + image.at(x1, y1) * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    @Override
    public String describe() {
        return "landmarks->template(insightface-5)->" + size + "x" + size + ", else " + fallback.describe();
    }
}
