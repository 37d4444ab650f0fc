package io.github.mbaseresnet.data.synthetic;

import io.github.mbaseresnet.data.Expression;

import java.util.Random;

/**
 * Facial deformation away from neutral, in roughly action-unit terms; every field is 0 for a neutral face and
 * about +-1 at the peak of an expression.
 *
 * @param browRaise     whole brow up (+, AU1+2) or down (-, AU4)
 * @param browInner     inner brow corner up (+, AU1: sadness, fear) or down (-, AU4: anger)
 * @param browTogether  brows drawn towards the midline (AU4)
 * @param eyeOpen       eyes wider (+, AU5) or narrowed (-, AU7)
 * @param cheekRaise    cheeks pushing the lower lids up (AU6) and deepening the nasolabial folds
 * @param noseWrinkle   nose wrinkled, nostrils lifted (AU9)
 * @param upperLipRaise upper lip lifted (AU10)
 * @param mouthCurve    lip corners up (+, AU12) or down (-, AU15)
 * @param mouthOpen     lips parted, jaw dropped (AU25-27)
 * @param mouthWidth    lips stretched (+, AU20) or narrowed (-)
 * @param lipPress      lips pressed thin (AU24)
 */
public record ExpressionShape(double browRaise, double browInner, double browTogether, double eyeOpen,
                              double cheekRaise, double noseWrinkle, double upperLipRaise, double mouthCurve,
                              double mouthOpen, double mouthWidth, double lipPress) {

    public static final ExpressionShape NEUTRAL = new ExpressionShape(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /*
     * Peak shapes. Pairs that real data confuses share most of their deformation on purpose:
     * fear and surprise both raise the brows, widen the eyes and open the mouth (fear: inner brows up and together,
     * lips stretched; surprise: an even raise and a dropped jaw); anger and disgust both lower the brows and narrow
     * the eyes (anger: brows pulled down hard and pressed lips; disgust: wrinkled nose and raised upper lip);
     * sadness shares the drawn-together brows and turned-down mouth of anger but lifts the inner brow corners.
     */
    private static final ExpressionShape ANGER = new ExpressionShape(-0.8, -1.0, 1.0, -0.35, 0, 0.2, 0, -0.3, 0, -0.25, 1.0);
    private static final ExpressionShape DISGUST = new ExpressionShape(-0.45, -0.5, 0.6, -0.4, 0.3, 1.0, 1.0, -0.4, 0.1, -0.05, 0.2);
    private static final ExpressionShape FEAR = new ExpressionShape(0.7, 0.8, 0.6, 0.6, 0, 0, 0.2, -0.25, 0.45, 0.45, 0);
    private static final ExpressionShape HAPPINESS = new ExpressionShape(0, 0, 0, -0.3, 1.0, 0, 0.2, 1.3, 0.45, 0.5, 0);
    private static final ExpressionShape SADNESS = new ExpressionShape(-0.1, 1.0, 0.6, -0.4, 0, 0, 0, -1.0, 0, -0.1, 0.5);
    private static final ExpressionShape SURPRISE = new ExpressionShape(1.0, 0.15, 0, 0.7, 0, 0, 0.1, 0, 1.0, -0.2, 0);

    /** The peak deformation of {@code e}; neutral for {@link Expression#NEUTRAL}. */
    public static ExpressionShape peak(Expression e) {
        return switch (e) {
            case ANGER -> ANGER;
            case DISGUST -> DISGUST;
            case FEAR -> FEAR;
            case HAPPINESS -> HAPPINESS;
            case SADNESS -> SADNESS;
            case SURPRISE -> SURPRISE;
            case NEUTRAL -> NEUTRAL;
            case CONTEMPT -> throw new IllegalArgumentException("the synthetic generator does not draw " + e);
        };
    }

    /** {@code e} at {@code intensity} (0 = neutral, 1 = peak): a linear interpolation from neutral. */
    public static ExpressionShape of(Expression e, double intensity) {
        if (!(intensity >= 0 && intensity <= 1.5)) {
            throw new IllegalArgumentException("intensity must be in [0, 1.5], got " + intensity);
        }
        return peak(e).scaled(intensity);
    }

    public ExpressionShape scaled(double k) {
        return new ExpressionShape(browRaise * k, browInner * k, browTogether * k, eyeOpen * k, cheekRaise * k,
                noseWrinkle * k, upperLipRaise * k, mouthCurve * k, mouthOpen * k, mouthWidth * k, lipPress * k);
    }

    public ExpressionShape plus(ExpressionShape o) {
        return new ExpressionShape(browRaise + o.browRaise, browInner + o.browInner, browTogether + o.browTogether,
                eyeOpen + o.eyeOpen, cheekRaise + o.cheekRaise, noseWrinkle + o.noseWrinkle,
                upperLipRaise + o.upperLipRaise, mouthCurve + o.mouthCurve, mouthOpen + o.mouthOpen,
                mouthWidth + o.mouthWidth, lipPress + o.lipPress);
    }

    /**
     * Small random muscle activity that is there whatever the expression: no two takes of a face are alike, and a
     * subtle expression plus this noise can look like another subtle expression.
     */
    static ExpressionShape jitter(Random r, double sd) {
        return new ExpressionShape(r.nextGaussian() * sd, r.nextGaussian() * sd, r.nextGaussian() * sd,
                r.nextGaussian() * sd, Math.abs(r.nextGaussian()) * sd, Math.abs(r.nextGaussian()) * sd,
                Math.abs(r.nextGaussian()) * sd, r.nextGaussian() * sd, Math.abs(r.nextGaussian()) * sd,
                r.nextGaussian() * sd, Math.abs(r.nextGaussian()) * sd);
    }
}
