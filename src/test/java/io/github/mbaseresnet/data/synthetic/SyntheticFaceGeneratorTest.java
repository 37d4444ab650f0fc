package io.github.mbaseresnet.data.synthetic;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.Expression;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticFaceGeneratorTest {

    private static final List<Expression> SIX = ClassSet.SIX_BASIC.expressions();
    private static final SyntheticConfig CONFIG = SyntheticConfig.DEFAULT;
    private static final double LOW = new SyntheticDataset(CONFIG).intensity(1);
    private static final double PEAK = new SyntheticDataset(CONFIG).intensity(CONFIG.intensityLevels());

    private final SyntheticFaceGenerator generator = new SyntheticFaceGenerator(CONFIG.imageSize());
    private final SubjectIdentity subject = SubjectIdentity.of(CONFIG.seed(), 1);

    @Test
    void rendersEightBitGrayOfTheRequestedSize() {
        BufferedImage img = new SyntheticFaceGenerator(64).render(subject, Expression.FEAR, 0.5, new Random(1));
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(img.getWidth()).isEqualTo(64);
        assertThat(img.getHeight()).isEqualTo(64);
    }

    /**
     * Intensity carries the signal: going from subtle to peak changes a face more than swapping one subtle
     * expression for another does, for every pair (noise-free, same subject).
     */
    @Test
    void peakDiffersFromSubtleMoreThanSubtleExpressionsDifferFromEachOther() {
        for (Expression e : SIX) {
            BufferedImage low = clean(e, LOW);
            double alongIntensity = meanAbsDiff(clean(e, PEAK), low);
            for (Expression f : SIX) {
                if (f != e) {
                    assertThat(alongIntensity).as("%s peak vs low, compared with %s low vs %s low", e, e, f)
                            .isGreaterThan(meanAbsDiff(low, clean(f, LOW)));
                }
            }
        }
    }

    /** Subtle expressions are ambiguous: the weakest pixel noise of the dataset changes an image more than they do. */
    @Test
    void subtleConfusablePairsDifferLessThanPixelNoise() {
        Nuisance weakestNoise = new Nuisance(0, 0, 0, 1, 0, 0, 1, 0.02, ExpressionShape.NEUTRAL);
        BufferedImage neutral = clean(Expression.NEUTRAL, 0);
        double noiseOnly = meanAbsDiff(neutral,
                generator.render(subject, ExpressionShape.NEUTRAL, weakestNoise, new Random(7)));
        for (Expression[] pair : new Expression[][] {{Expression.FEAR, Expression.SURPRISE},
                {Expression.ANGER, Expression.DISGUST}, {Expression.SADNESS, Expression.ANGER}}) {
            assertThat(meanAbsDiff(clean(pair[0], LOW), clean(pair[1], LOW))).as("%s vs %s", pair[0], pair[1])
                    .isLessThan(noiseOnly);
        }
    }

    /** The confusable pairs are closer at peak than unrelated expressions are. */
    @Test
    void confusablePairsAreCloserThanUnrelatedOnes() {
        double fearSurprise = meanAbsDiff(clean(Expression.FEAR, PEAK), clean(Expression.SURPRISE, PEAK));
        double angerDisgust = meanAbsDiff(clean(Expression.ANGER, PEAK), clean(Expression.DISGUST, PEAK));
        assertThat(fearSurprise).isLessThan(meanAbsDiff(clean(Expression.FEAR, PEAK), clean(Expression.ANGER, PEAK)));
        assertThat(angerDisgust).isLessThan(meanAbsDiff(clean(Expression.ANGER, PEAK), clean(Expression.SURPRISE, PEAK)));
    }

    @Test
    void subjectsLookDifferent() {
        BufferedImage first = clean(Expression.NEUTRAL, 0);
        for (int other = 2; other <= CONFIG.subjects(); other++) {
            SubjectIdentity id = SubjectIdentity.of(CONFIG.seed(), other);
            BufferedImage img = generator.render(id, ExpressionShape.NEUTRAL, Nuisance.NONE, new Random(0));
            assertThat(meanAbsDiff(first, img)).as("subject 1 vs %d", other).isGreaterThan(0.02);
        }
    }

    @Test
    void sameInputsSamePixels() {
        BufferedImage a = generator.render(subject, Expression.DISGUST, 0.6, new Random(42));
        BufferedImage b = generator.render(subject, Expression.DISGUST, 0.6, new Random(42));
        assertThat(meanAbsDiff(a, b)).isZero();
    }

    @Test
    void contemptIsNotDrawn() {
        assertThatThrownBy(() -> generator.render(subject, Expression.CONTEMPT, 1, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONTEMPT");
    }

    private BufferedImage clean(Expression e, double intensity) {
        return generator.render(subject, ExpressionShape.of(e, intensity), Nuisance.NONE, new Random(0));
    }

    /** Mean absolute difference of two gray images, in luminance [0, 1]. */
    static double meanAbsDiff(BufferedImage a, BufferedImage b) {
        int[] pa = a.getRaster().getPixels(0, 0, a.getWidth(), a.getHeight(), (int[]) null);
        int[] pb = b.getRaster().getPixels(0, 0, b.getWidth(), b.getHeight(), (int[]) null);
        assertThat(pa).hasSameSizeAs(pb);
        long sum = 0;
        for (int i = 0; i < pa.length; i++) {
            sum += Math.abs(pa[i] - pb[i]);
        }
        return sum / 255.0 / pa.length;
    }
}
