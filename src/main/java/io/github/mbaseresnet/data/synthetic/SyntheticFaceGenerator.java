package io.github.mbaseresnet.data.synthetic;

import io.github.mbaseresnet.data.Expression;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Draws one gray cartoon face with Java2D: a subject's fixed features, deformed by an {@link ExpressionShape}, then
 * posed, lit and noised by a {@link Nuisance}. All geometry is laid out on a 96x96 canvas and scaled to the image
 * size; the face (with hair) fills about 70% of the frame around its centre.
 *
 * <p>Rendering uses the software rasteriser with one fixed set of hints and no fonts, so the same inputs give the
 * same pixels on every run.
 */
public final class SyntheticFaceGenerator {

    /** Bump whenever the drawing changes: it is part of the cache key, so stale cached images are not reused. */
    public static final int VERSION = 1;

    private static final double CANVAS = 96;
    private static final Map<RenderingHints.Key, Object> HINTS = Map.of(
            RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON,
            RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY,
            RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE,
            RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY,
            RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE,
            RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);

    private final int size;

    public SyntheticFaceGenerator(int imageSize) {
        if (imageSize < 32) {
            throw new IllegalArgumentException("image size must be at least 32, got " + imageSize);
        }
        this.size = imageSize;
    }

    /**
     * One dataset image: {@code e} at {@code intensity} in (0, 1], scaled by the subject's expressiveness, with
     * nuisance (pose, light, noise, involuntary jitter) drawn from {@code rng}.
     */
    public BufferedImage render(SubjectIdentity id, Expression e, double intensity, Random rng) {
        Nuisance nuisance = Nuisance.sample(rng);
        ExpressionShape shape = ExpressionShape.of(e, intensity).scaled(id.expressiveness()).plus(nuisance.jitter());
        return render(id, shape, nuisance, rng);
    }

    /** Renders {@code shape} on subject {@code id}; {@code noiseRng} supplies the pixel noise. */
    public BufferedImage render(SubjectIdentity id, ExpressionShape shape, Nuisance nuisance, Random noiseRng) {
        BufferedImage canvas = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHints(HINTS);
            g.setColor(gray(id.background()));
            g.fillRect(0, 0, size, size);
            g.scale(size / CANVAS, size / CANVAS);
            g.translate(CANVAS / 2 + nuisance.dx(), CANVAS / 2 + nuisance.dy());
            g.rotate(Math.toRadians(nuisance.rotationDeg()));
            g.scale(nuisance.scale(), nuisance.scale());
            g.translate(-CANVAS / 2, -CANVAS / 2);
            new Face(g, id, shape).draw();
        } finally {
            g.dispose();
        }
        return lightAndNoise(canvas, nuisance, noiseRng);
    }

    /** Applies the lighting gradient, exposure and Gaussian noise, and quantises to 8-bit gray. */
    private BufferedImage lightAndNoise(BufferedImage canvas, Nuisance n, Random rng) {
        int[] rgb = canvas.getRaster().getPixels(0, 0, size, size, (int[]) null); // 3 samples per pixel
        int[] gray = new int[size * size];
        double half = size / 2.0;
        double cos = Math.cos(n.lightAngle());
        double sin = Math.sin(n.lightAngle());
        // SplittableRandom's Gaussian (ziggurat) is several times faster than Random's polar method, which
        // otherwise dominates the generation time.
        SplittableRandom noise = new SplittableRandom(rng.nextLong());
        for (int y = 0, i = 0; y < size; y++) {
            for (int x = 0; x < size; x++, i++) {
                double v = rgb[3 * i] / 255.0;
                double along = ((x + 0.5 - half) * cos + (y + 0.5 - half) * sin) / half;
                v *= n.exposure() * (1 + n.lightStrength() * along);
                if (n.noiseSigma() > 0) {
                    v += n.noiseSigma() * noise.nextGaussian();
                }
                gray[i] = (int) Math.round(clamp(v) * 255);
            }
        }
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setPixels(0, 0, size, size, gray);
        return out;
    }

    private static Color gray(double v) {
        float f = (float) clamp(v);
        return new Color(f, f, f);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * clamp(t);
    }

    /** One face being drawn: the landmarks derived from the identity and the shape, one method per part. */
    private static final class Face {
        private final Graphics2D g;
        private final SubjectIdentity id;
        private final ExpressionShape s;
        private final double skin;
        private final double cx = 48;
        private final double cy = 50;
        private final double a;
        private final double b;
        private final double eyeY;
        private final double noseY;
        private final double mouthY;

        Face(Graphics2D g, SubjectIdentity id, ExpressionShape shape) {
            this.g = g;
            this.id = id;
            this.s = shape;
            this.skin = id.skinTone();
            this.a = id.faceHalfWidth();
            this.b = id.faceHalfHeight();
            this.eyeY = cy - 0.1 * b;
            this.noseY = eyeY + id.noseLength();
            this.mouthY = noseY + 0.3 * (cy + b - noseY);
        }

        void draw() {
            drawNeckAndShoulders();
            drawBackHair();
            drawEars();
            drawFaceOval();
            drawForeheadLines(); // before the fringe, which hides them where it comes down
            drawFringe();
            for (int side : new int[] {-1, 1}) {
                drawEye(side);
                drawBrow(side);
            }
            drawNose();
            drawNasolabialFolds();
            drawMouth();
        }

        private void drawNeckAndShoulders() {
            fill(new Rectangle2D.Double(cx - 0.5 * a, cy, a, CANVAS), skin * 0.85);
            fill(new Ellipse2D.Double(cx - 2.2 * a, cy + b + 6, 4.4 * a, 60), lerp(id.background(), id.hairTone(), 0.6));
        }

        private void drawBackHair() {
            fill(headTop(), id.hairTone());
            if (id.hairStyle() == 1) {
                fill(new RoundRectangle2D.Double(cx - 1.16 * a, cy - 0.6 * b, 2.32 * a, 1.35 * b, 10, 10), id.hairTone());
            }
        }

        private Shape headTop() {
            return new Ellipse2D.Double(cx - 1.1 * a, cy - 1.12 * b, 2.2 * a, 1.9 * b);
        }

        private void drawEars() {
            if (id.hairStyle() == 1) {
                return; // covered by long hair
            }
            for (int side : new int[] {-1, 1}) {
                fill(new Ellipse2D.Double(cx + side * (a - 0.5) - 2.6, eyeY + 0.5, 5.2, 11), skin * 0.9);
            }
        }

        /** Egg-shaped face: an ellipse whose lower half narrows towards the chin; the jaw drops with the mouth. */
        private Shape faceOval() {
            double chinDrop = 1.5 * Math.max(0, s.mouthOpen());
            Path2D.Double p = new Path2D.Double();
            int n = 96;
            for (int i = 0; i < n; i++) {
                double t = 2 * Math.PI * i / n;
                double sin = Math.sin(t);
                double lower = Math.max(0, sin);
                double x = cx + a * Math.cos(t) * (1 - (1 - id.jaw()) * lower * lower);
                double y = cy + (b + chinDrop * lower) * sin;
                if (i == 0) {
                    p.moveTo(x, y);
                } else {
                    p.lineTo(x, y);
                }
            }
            p.closePath();
            return p;
        }

        private void drawFaceOval() {
            // Radial shading gives the face volume, so that it is not a flat disc a network could threshold.
            g.setPaint(new RadialGradientPaint(new Point2D.Double(cx, cy - 0.2 * b), (float) (1.15 * b),
                    new float[] {0f, 0.6f, 1f},
                    new Color[] {gray(skin * 1.04), gray(skin), gray(skin * 0.78)},
                    MultipleGradientPaint.CycleMethod.NO_CYCLE));
            g.fill(faceOval());
        }

        private void drawFringe() {
            double top = cy - 1.6 * b;
            double left = cx - 1.3 * a;
            double right = cx + 1.3 * a;
            Path2D.Double above = new Path2D.Double();
            above.moveTo(left, top);
            switch (id.hairStyle()) {
                case 2 -> { // side-swept fringe, lower on one side
                    above.lineTo(left, cy - 0.2 * b);
                    above.quadTo(cx - 0.3 * a, cy - 0.75 * b, right, cy - 0.85 * b);
                }
                case 1 -> { // long hair parted in the middle
                    above.lineTo(left, cy + 0.2 * b);
                    above.quadTo(cx, cy - 1.55 * b, right, cy + 0.2 * b);
                }
                default -> { // short, arched hairline
                    above.lineTo(left, cy - 0.15 * b);
                    above.quadTo(cx, cy - 1.3 * b, right, cy - 0.15 * b);
                }
            }
            above.lineTo(right, top);
            above.closePath();
            Area hair = new Area(headTop());
            hair.intersect(new Area(above));
            fill(hair, id.hairTone());
        }

        private double browBaseY() {
            return eyeY - 0.55 * id.eyeWidth() - 3.2;
        }

        private double browRaise() {
            return 3.4 * s.browRaise();
        }

        /** Horizontal lines when the brows are raised (AU1+2) and vertical ones between them when pulled down (AU4). */
        private void drawForeheadLines() {
            double raise = Math.max(0, s.browRaise());
            double inner = Math.max(0, s.browInner());
            double strength = raise + 0.5 * inner;
            if (strength > 0.05) {
                // A raise of the inner corners alone (sadness, fear) creases only the middle of the forehead.
                double halfLength = 4 + 8 * raise / strength;
                double y0 = browBaseY() - browRaise() - 5;
                for (int i = 0; i < 3; i++) {
                    double y = y0 - 2.6 * i;
                    stroke(new QuadCurve2D.Double(cx - halfLength, y + 0.8, cx, y - 1.2, cx + halfLength, y + 0.8),
                            crease(strength, 0.72), 0.6);
                }
            }
            double frown = s.browTogether() * Math.max(0, -s.browInner());
            if (frown > 0.02) {
                for (int side : new int[] {-1, 1}) {
                    double x = cx + side * 1.3;
                    stroke(new QuadCurve2D.Double(x, browBaseY() - 2, x + side * 0.4, browBaseY() + 1, x, browBaseY() + 4),
                            crease(Math.sqrt(1.5 * frown), 0.68), 0.6);
                }
            }
        }

        /** {@code side} -1 is the eye on the image's left, +1 on its right. */
        private void drawEye(int side) {
            double w = id.eyeWidth();
            double ex = cx + side * id.eyeSpacing();
            double open = Math.max(0.15, 1 + 0.9 * s.eyeOpen());
            double upper = 0.24 * w * open;
            double lower = 0.16 * w * Math.max(0.1, open * (1 - 0.75 * Math.max(0, s.cheekRaise())));
            double innerX = ex - side * w / 2;
            double outerX = ex + side * w / 2;
            double innerY = eyeY + 0.3;
            double outerY = eyeY - 0.3;
            fill(new Ellipse2D.Double(ex - 0.75 * w, eyeY - 0.55 * w - 1, 1.5 * w, 0.9 * w), skin * 0.9);

            QuadCurve2D upperLid = new QuadCurve2D.Double(innerX, innerY, ex, eyeY - 2 * upper, outerX, outerY);
            QuadCurve2D lowerLid = new QuadCurve2D.Double(outerX, outerY, ex, eyeY + 2 * lower, innerX, innerY);
            Path2D.Double eye = new Path2D.Double();
            eye.append(upperLid, false);
            eye.append(lowerLid, true);
            eye.closePath();
            fill(eye, 0.88);
            Shape clip = g.getClip();
            g.clip(eye);
            double r = 0.28 * w;
            fill(new Ellipse2D.Double(ex - r, eyeY - r - 0.2, 2 * r, 2 * r), 0.28);
            fill(new Ellipse2D.Double(ex - 0.45 * r, eyeY - 0.65 * r, 0.9 * r, 0.9 * r), 0.06);
            g.setClip(clip);

            stroke(upperLid, 0.1, 1.1);
            stroke(lowerLid, skin * 0.7, 0.5);
            stroke(new QuadCurve2D.Double(innerX, innerY - 1, ex, eyeY - 2 * upper - 3.5, outerX, outerY - 1),
                    skin * 0.8, 0.5);
            if (s.cheekRaise() > 0.05) {
                // The raised cheek bulges under the eye: the "smiling eyes" crescent.
                stroke(new QuadCurve2D.Double(innerX, innerY + 1.5, ex, eyeY + 2 * lower + 3, outerX, outerY + 1.5),
                        crease(s.cheekRaise(), 0.75), 0.6);
            }
        }

        private void drawBrow(int side) {
            double w = id.eyeWidth();
            double ex = cx + side * id.eyeSpacing();
            double innerX = ex - side * (0.45 * w + 2.2 * s.browTogether());
            double outerX = ex + side * 0.65 * w;
            double base = browBaseY() - browRaise();
            double innerY = base - 2.8 * s.browInner();
            double outerY = base + 0.6 * s.browInner();
            // Surprise arches the brows; anger flattens them.
            double arch = 2.2 + 1.5 * Math.max(0, s.browRaise()) - 1.0 * Math.max(0, -s.browInner());
            double ctrlY = (innerY + outerY) / 2 - arch;
            stroke(new QuadCurve2D.Double(innerX, innerY, (innerX + outerX) / 2 + side * 0.1 * w, ctrlY, outerX, outerY),
                    lerp(id.hairTone(), skin, 0.25), id.browThickness());
        }

        private void drawNose() {
            double wrinkle = Math.max(0, s.noseWrinkle());
            double lift = 0.8 * wrinkle;
            stroke(new QuadCurve2D.Double(cx + 1.8, eyeY + 2, cx + 2.6, (eyeY + noseY) / 2, cx + 3, noseY - 2.5),
                    skin * 0.86, 0.8);
            double flare = 3.8 + 0.8 * wrinkle;
            for (int side : new int[] {-1, 1}) {
                stroke(new QuadCurve2D.Double(cx + side * 2.2, noseY - 2.8 - lift, cx + side * (flare + 1.2),
                        noseY - 0.2 - lift, cx + side * 2.6, noseY + 1.2 - lift), skin * 0.72, 0.7);
                fill(new Ellipse2D.Double(cx + side * 2.3 - 1.3, noseY - lift - 0.2, 2.6, 1.4), lerp(skin, 0.12, 0.7));
            }
            stroke(new QuadCurve2D.Double(cx - 2, noseY + 1.5 - lift, cx, noseY + 2.5 - lift, cx + 2, noseY + 1.5 - lift),
                    skin * 0.8, 0.6);
            if (wrinkle > 0.03) {
                double tone = crease(wrinkle, 0.65);
                for (int i = 0; i < 3; i++) {
                    double y = eyeY + 2.5 + 1.6 * i;
                    stroke(new QuadCurve2D.Double(cx - 2.4, y, cx, y - 0.8, cx + 2.4, y), tone, 0.5);
                }
                for (int side : new int[] {-1, 1}) {
                    stroke(new QuadCurve2D.Double(cx + side * 2.6, eyeY + 3, cx + side * 3.2, eyeY + 5,
                            cx + side * 4.4, eyeY + 6.5), tone, 0.5);
                }
            }
        }

        private double mouthHalfWidth() {
            return id.mouthWidth() / 2 * (1 + 0.3 * s.mouthWidth() + 0.1 * Math.max(0, s.mouthCurve()));
        }

        private double mouthCornerY() {
            return mouthY - 3.2 * s.mouthCurve() + 0.6 * Math.max(0, s.mouthOpen());
        }

        /** Folds from the nose wings to the mouth corners: deepened by smiling and by the raised upper lip of disgust. */
        private void drawNasolabialFolds() {
            double depth = 0.35 + 0.85 * Math.max(0, s.cheekRaise()) + 0.6 * Math.max(0, s.upperLipRaise())
                    + 0.25 * Math.max(0, s.mouthWidth());
            double cornerX = mouthHalfWidth() + 1.8;
            for (int side : new int[] {-1, 1}) {
                stroke(new QuadCurve2D.Double(cx + side * 4.4, noseY - 1.5, cx + side * (cornerX + 2.5),
                        (noseY + mouthY) / 2 + 0.5, cx + side * cornerX, mouthCornerY() + 2),
                        crease(depth, 0.7), 0.8);
            }
        }

        private void drawMouth() {
            double hw = mouthHalfWidth();
            double cornerY = mouthCornerY();
            double open = Math.max(0, s.mouthOpen());
            double upperRaise = Math.max(0, s.upperLipRaise());
            double press = Math.max(0, s.lipPress());
            // Quadratic control points sit twice as far from the corners' line as the curve's midpoint.
            double lineCtrl = mouthY + 1.8 * s.mouthCurve();
            double upperInner = lineCtrl - 2 * (1.2 * open + 1.4 * upperRaise);
            double lowerInner = lineCtrl + 2 * (6.0 * open);
            double upperOuter = upperInner - 2 * 1.9 * (1 - 0.6 * press);
            double lowerOuter = lowerInner + 2 * 2.4 * (1 - 0.6 * press);
            double left = cx - hw;
            double right = cx + hw;

            double lipTone = skin * 0.78;
            fill(lens(left, right, cornerY, upperOuter, lowerOuter), lipTone);
            stroke(new QuadCurve2D.Double(cx - 0.6 * hw, (cornerY + lowerOuter) / 2 + 2.5, cx,
                    lowerOuter / 2 + cornerY / 2 + 3.5, cx + 0.6 * hw, (cornerY + lowerOuter) / 2 + 2.5),
                    skin * 0.88, 0.6);
            Shape cavity = lens(left, right, cornerY, upperInner, lowerInner);
            if (lowerInner - upperInner > 0.6) {
                fill(cavity, 0.1);
                Shape clip = g.getClip();
                g.clip(cavity);
                double top = (cornerY + upperInner) / 2;
                fill(new Rectangle2D.Double(left, top - 5, 2 * hw, 5 + Math.min(2.2, 0.25 * (lowerInner - upperInner))),
                        0.86);
                g.setClip(clip);
                stroke(cavity, lerp(lipTone, 0.1, 0.6), 0.6);
            } else {
                stroke(new QuadCurve2D.Double(left, cornerY, cx, lineCtrl, right, cornerY),
                        lerp(lipTone, 0.1, 0.6), 0.9);
            }
        }

        /**
         * Tone of a skin fold for a muscle activation in [0, 1]. Folds only show once a muscle contracts hard, so
         * their darkness grows with the square of the activation: subtle expressions are almost pure geometry.
         */
        private double crease(double activation, double darkest) {
            double a = clamp(activation);
            return lerp(skin, skin * darkest, a * a);
        }

        /** The region between two quadratic curves sharing their end points (the mouth corners). */
        private static Shape lens(double left, double right, double cornerY, double upperCtrl, double lowerCtrl) {
            double mid = (left + right) / 2;
            Path2D.Double p = new Path2D.Double();
            p.moveTo(left, cornerY);
            p.quadTo(mid, upperCtrl, right, cornerY);
            p.quadTo(mid, lowerCtrl, left, cornerY);
            p.closePath();
            return p;
        }

        private void fill(Shape shape, double tone) {
            g.setPaint(gray(tone));
            g.fill(shape);
        }

        private void stroke(Shape shape, double tone, double width) {
            g.setPaint(gray(tone));
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
        }
    }
}
