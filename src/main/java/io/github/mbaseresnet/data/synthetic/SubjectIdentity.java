package io.github.mbaseresnet.data.synthetic;

import java.util.Random;

/**
 * The fixed look of one synthetic person. Lengths are in units of a 96-unit canvas (the generator scales them to
 * the image size); gray levels are luminance in [0, 1].
 *
 * @param faceHalfWidth   half width of the face oval
 * @param faceHalfHeight  half height of the face oval
 * @param jaw             chin narrowing: width of the lower face relative to the upper (1 = oval, lower = pointed)
 * @param eyeSpacing      distance from the face's midline to each eye centre
 * @param eyeWidth        width of one eye
 * @param browThickness   stroke width of the eyebrows
 * @param noseLength      vertical distance from the eyes to the nose tip
 * @param mouthWidth      neutral mouth width
 * @param skinTone        skin luminance
 * @param hairTone        hair luminance (dark)
 * @param hairStyle       0 short with an arched hairline, 1 long covering the ears, 2 side-swept fringe
 * @param background      background luminance
 * @param expressiveness  how strongly this person expresses: scales every expression deformation
 */
public record SubjectIdentity(double faceHalfWidth, double faceHalfHeight, double jaw, double eyeSpacing,
                              double eyeWidth, double browThickness, double noseLength, double mouthWidth,
                              double skinTone, double hairTone, int hairStyle, double background,
                              double expressiveness) {

    /** A person with every trait at the middle of its range, for tests and previews. */
    public static final SubjectIdentity AVERAGE = new SubjectIdentity(25.5, 33, 0.8, 11, 9.8, 2.3, 12, 16,
            0.66, 0.22, 0, 0.55, 1.0);

    /** Draws subject {@code index} (0-based) of the dataset with master seed {@code seed}. */
    public static SubjectIdentity of(long seed, int index) {
        Random r = new Random(Seeds.derive(seed, 0x5B7EC7L, index));
        double skin = uniform(r, 0.50, 0.82);
        // Keep the background distinguishable from the skin, else the face outline vanishes for some subjects.
        double background = r.nextBoolean() ? uniform(r, 0.20, skin - 0.15) : uniform(r, Math.min(skin + 0.12, 0.9), 0.95);
        return new SubjectIdentity(
                uniform(r, 23.0, 28.0),
                uniform(r, 31.0, 35.0),
                uniform(r, 0.68, 0.92),
                uniform(r, 9.8, 12.4),
                uniform(r, 8.6, 11.0),
                uniform(r, 1.5, 3.2),
                uniform(r, 10.5, 13.5),
                uniform(r, 13.5, 19.0),
                skin,
                uniform(r, 0.05, Math.min(0.45, skin - 0.2)),
                r.nextInt(3),
                background,
                uniform(r, 0.8, 1.15));
    }

    private static double uniform(Random r, double min, double max) {
        return min + (max - min) * r.nextDouble();
    }
}
