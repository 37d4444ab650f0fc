package io.github.mbaseresnet.data.synthetic;

import java.util.Random;

/**
 * Per-image variation that has nothing to do with the expression: pose, lighting, sensor noise and small
 * involuntary muscle activity.
 *
 * @param rotationDeg   in-plane head rotation in degrees
 * @param dx            horizontal shift, in units of a 96-unit canvas
 * @param dy            vertical shift, same units
 * @param scale         head size factor
 * @param lightAngle    direction the light comes from, radians (0 = from the right)
 * @param lightStrength linear brightness gradient across the frame, 0 = flat
 * @param exposure      overall brightness factor
 * @param noiseSigma    standard deviation of Gaussian pixel noise, in luminance [0, 1]
 * @param jitter        involuntary deformation added to the expression
 */
public record Nuisance(double rotationDeg, double dx, double dy, double scale, double lightAngle,
                       double lightStrength, double exposure, double noiseSigma, ExpressionShape jitter) {

    /** A frontal, evenly lit, noise-free take: isolates the expression in tests and previews. */
    public static final Nuisance NONE = new Nuisance(0, 0, 0, 1, 0, 0, 1, 0, ExpressionShape.NEUTRAL);

    /** Draws the nuisance of one dataset image. */
    public static Nuisance sample(Random r) {
        return new Nuisance(
                uniform(r, -5, 5),
                uniform(r, -3, 3),
                uniform(r, -3, 3),
                uniform(r, 0.93, 1.07),
                uniform(r, 0, 2 * Math.PI),
                uniform(r, 0, 0.3),
                uniform(r, 0.9, 1.1),
                uniform(r, 0.02, 0.06),
                ExpressionShape.jitter(r, 0.06));
    }

    private static double uniform(Random r, double min, double max) {
        return min + (max - min) * r.nextDouble();
    }
}
