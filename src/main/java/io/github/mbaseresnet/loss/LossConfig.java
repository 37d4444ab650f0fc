package io.github.mbaseresnet.loss;

/**
 * The head and its hyper-parameters. The paper gives no values for s and m (PAPER.md §3): both are assumptions.
 *
 * @param kind   proposed loss or plain softmax
 * @param scale  s, the fixed feature norm; exp maps cos ∈ [−1, 1] to [0.37, 2.72], so the logit range is 2.35·s
 * @param margin m ≥ 0, subtracted from the target cosine inside the exponential
 */
public record LossConfig(LossKind kind, double scale, double margin) {

    /**
     * s = 4 (logit range 9.4): in the recorded sweep on the embedded dataset (README, "Choosing s and m"), with the
     * margin kept, s = 4 trained best in the short CPU protocols; s = 16 and 32 (CosFace-like ranges) were worst.
     */
    public static final double DEFAULT_SCALE = 4.0;
    /** CosFace's margin, reused (assumption): m = 0 would reduce eq. 12 to a plain softmax over s·exp(cos θ). */
    public static final double DEFAULT_MARGIN = 0.35;

    public LossConfig {
        if (kind == null) {
            throw new IllegalArgumentException("loss kind (fer.loss) must be set");
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("loss scale s (fer.loss.scale) must be > 0, got " + scale);
        }
        if (!(margin >= 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("loss margin m (fer.loss.margin) must be >= 0, got " + margin);
        }
    }

    /**
     * Class probabilities from the head's output for one face. The softmax head outputs them already. The eq. 12 head
     * outputs cos θ_j; its probabilities are those the loss itself trains, softmax_j(z_j) with z_j = s·exp(cos θ_j)
     * (PAPER.md §3), with m = 0 because the margin applies to the true class only, unknown at test time. (Not
     * softmax(s·cos θ): that is CosFace's logit, not eq. 12's.) Both are increasing in cos θ_j, so argmax p = argmax
     * cos θ, the class the harness predicts.
     */
    public double[] probabilities(double[] headOutput) {
        if (kind == LossKind.SOFTMAX) {
            return headOutput.clone();
        }
        double[] z = new double[headOutput.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < z.length; j++) {
            z[j] = scale * Math.exp(headOutput[j]);
            max = Math.max(max, z[j]);
        }
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            z[j] = Math.exp(z[j] - max);
            sum += z[j];
        }
        for (int j = 0; j < z.length; j++) {
            z[j] /= sum;
        }
        return z;
    }

    public static LossConfig proposed() {
        return new LossConfig(LossKind.EXP_COSINE_MARGIN, DEFAULT_SCALE, DEFAULT_MARGIN);
    }

    public static LossConfig softmax() {
        return new LossConfig(LossKind.SOFTMAX, DEFAULT_SCALE, DEFAULT_MARGIN);
    }
}
