package io.github.mbaseresnet.loss;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffOutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * The exponential cosine margin softmax loss of the paper (eq. 12, restated in PAPER.md §3) as a DL4J output layer.
 *
 * <pre>
 *   cos θ_j = (x / ‖x‖) · (W_j / ‖W_j‖)          no bias
 *   z_y = s · exp(cos θ_y − m),   z_j = s · exp(cos θ_j)   (j ≠ y)
 *   L   = −log( e^{z_y} / Σ_j e^{z_j} )
 * </pre>
 * The layer's activations are cos θ (shape [N, classes]); the predicted class is argmax cos θ.
 *
 * <p>Log-sum-exp is built from max/exp/sum/log because {@code logSoftmax} crashes when DL4J clones the graph for
 * gradients, and the loss is the SUM over the batch because the DL4J layer divides by N (DL4J-M2.1.md, "The loss").
 */
public class ExpCosineMarginLoss extends SameDiffOutputLayer {
    static final String WEIGHTS = "W";
    static final String COSINE = "cos";
    /** Guards the norms of all-zero vectors (e.g. a dead ReLU feature). */
    private static final double NORM_EPSILON = 1e-12;

    private long nIn;
    private long nOut;
    private double scale;
    private double margin;

    /** For DL4J's JSON deserialization. */
    protected ExpCosineMarginLoss() {
    }

    public ExpCosineMarginLoss(long nIn, long nOut, double scale, double margin) {
        if (nOut < 2) {
            throw new IllegalArgumentException("the loss needs at least 2 classes, got " + nOut);
        }
        new LossConfig(LossKind.EXP_COSINE_MARGIN, scale, margin); // validates s and m
        this.nIn = nIn;
        this.nOut = nOut;
        this.scale = scale;
        this.margin = margin;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, SDVariable labels, Map<String, SDVariable> params) {
        SDVariable w = params.get(WEIGHTS);
        // x / ‖x‖ as diag(1/‖x‖)·x: a [1,1] divisor broadcast over a [1,C] row gets a wrong gradient in SameDiff M2.1
        // (mini-batches of one failed the gradient check); the matrix form has no broadcast at all.
        SDVariable inverseNorm = sd.math().rsqrt(sd.sum(input.mul(input), false, 1).add(NORM_EPSILON));
        SDVariable xUnit = sd.math().diag(inverseNorm).mmul(input);
        SDVariable wUnit = w.div(sd.math().sqrt(sd.sum(w.mul(w), true, 0).add(NORM_EPSILON)));
        SDVariable cos = xUnit.mmul(COSINE, wUnit);
        // labels are one-hot, so cos − m·labels subtracts m from the target cosine only
        SDVariable logits = sd.math().exp(cos.sub(labels.mul(margin))).mul(scale);
        SDVariable max = sd.max(logits, true, 1);
        SDVariable logSumExp = sd.math().log(sd.sum(sd.math().exp(logits.sub(max)), true, 1)).add(max);
        SDVariable targetLogit = sd.sum(logits.mul(labels), true, 1);
        SDVariable loss = sd.sum("loss", logSumExp.sub(targetLogit));
        sd.setLossVariables(loss);
        return loss;
    }

    @Override
    public String activationsVertexName() {
        return COSINE;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(WEIGHTS, nIn, nOut);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        initWeights((int) nIn, (int) nOut, WeightInit.XAVIER, params.get(WEIGHTS));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(nOut);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (nIn <= 0 || override) {
            nIn = ((InputType.InputTypeFeedForward) inputType).getSize();
        }
    }

    public long getNIn() {
        return nIn;
    }

    public void setNIn(long nIn) {
        this.nIn = nIn;
    }

    public long getNOut() {
        return nOut;
    }

    public void setNOut(long nOut) {
        this.nOut = nOut;
    }

    public double getScale() {
        return scale;
    }

    public void setScale(double scale) {
        this.scale = scale;
    }

    public double getMargin() {
        return margin;
    }

    public void setMargin(double margin) {
        this.margin = margin;
    }
}
