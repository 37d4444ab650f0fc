package io.github.mbaseresnet.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * Batch normalisation (Ioffe and Szegedy) through libnd4j's {@code batchnorm} and {@code batchnorm_bp} ops, the ops
 * DL4J's own oneDNN helper ({@code MKLDNNBatchNormHelper}) runs. The difference is the training batch's mean and
 * variance: DL4J computes them with a {@code mean} and then a separate {@code Variance} reduction over (N, H, W),
 * which took 16 of the stem batch norm's 19 ms forward (README, "Where DL4J's time goes"); here one fused
 * {@code moments} op computes both, 5× faster. The variance is the biased one in both, so only the rounding differs
 * (MomentsBatchNormalizationTest bounds it). Unlike DL4J's helper this one also runs in double precision, so the
 * network's gradient checks go through it (libnd4j's double {@code batchnorm_bp} is accurate to about 1e-6 relative,
 * far inside the checks' 1e-3).
 *
 * <p>Inputs reach it as rank 4 (DL4J reshapes a rank-2 input to [N, C, 1, 1]) in the layer's NCHW or NHWC layout.
 */
public final class MomentsBatchNormHelper implements BatchNormalizationHelper {
    private INDArray batchMean;
    private INDArray batchVariance;

    @Override
    public boolean checkSupported(double eps, boolean fixedGammaBeta) {
        return !fixedGammaBeta;
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta,
            INDArray mean, INDArray var, double decay, double eps, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        int axis = channelAxis(format);
        INDArray m;
        INDArray v;
        if (training) {
            long channels = x.size(axis);
            if (batchMean == null || batchMean.length() != channels || batchMean.dataType() != x.dataType()) {
                try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                    batchMean = Nd4j.createUninitialized(x.dataType(), channels);
                    batchVariance = Nd4j.createUninitialized(x.dataType(), channels);
                }
            }
            int[] reduced = format == CNN2DFormat.NCHW ? new int[] {0, 2, 3} : new int[] {0, 1, 2};
            Nd4j.exec(DynamicCustomOp.builder("moments").addInputs(x).addOutputs(batchMean, batchVariance)
                    .addIntegerArguments(reduced).build());
            m = batchMean;
            v = batchVariance;
        } else {
            m = vector(mean);
            v = vector(var);
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("batchnorm").addInputs(x, m, v, vector(gamma), vector(beta))
                .addOutputs(out).addIntegerArguments(1, 1, axis).addFloatingPointArguments(eps).build());
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, long[] shape, INDArray gamma,
            INDArray beta, INDArray dGammaView, INDArray dBetaView, double eps, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        if (batchMean == null) {
            throw new IllegalStateException("batch-norm backward pass without a training forward pass");
        }
        INDArray eps0 = Shape.hasDefaultStridesForShape(epsilon) ? epsilon : epsilon.dup('c'); // DL4J #8860
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape());
        INDArray dMean = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, batchMean.dataType(),
                batchMean.shape());
        INDArray dVariance = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, batchMean.dataType(),
                batchMean.shape());
        Nd4j.exec(DynamicCustomOp.builder("batchnorm_bp")
                .addInputs(input, batchMean, batchVariance, vector(gamma), vector(beta), eps0)
                .addOutputs(dx, dMean, dVariance, vector(dGammaView), vector(dBetaView))
                .addIntegerArguments(1, 1, channelAxis(format)).addFloatingPointArguments(eps).build());
        Gradient g = new DefaultGradient();
        g.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
        g.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        return new Pair<>(g, dx);
    }

    @Override
    public INDArray getMeanCache(DataType dataType) {
        return batchMean;
    }

    @Override
    public INDArray getVarCache(DataType dataType) {
        return batchVariance;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Map.of();
    }

    private static int channelAxis(CNN2DFormat format) {
        return format == CNN2DFormat.NCHW ? 1 : 3;
    }

    /** The ops take [C]; DL4J's parameters and their gradient views are [1, C] (a view: same buffer). */
    private static INDArray vector(INDArray a) {
        return a.reshape(a.length());
    }
}
