package io.github.mbaseresnet.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runtime of {@link LinearConvolution}. DL4J M2.1's {@code ConvolutionLayer.backpropGradient} first runs the whole
 * forward convolution again ({@code preOutput4d}), only to hand its output to the activation's derivative; for the
 * identity that derivative returns epsilon unchanged, so on the oneDNN path the recomputation is pure cost (a third
 * of each convolution's backward pass: README, "Where DL4J's time goes"). This backward pass calls the same oneDNN
 * helper with the same arguments, without the recomputation, so the gradients are bit-identical
 * (BitIdenticalLayersTest). Anything else (no oneDNN helper, as on the CUDA backend or in double precision; weight
 * noise; another layout) takes DL4J's own path.
 */
final class LinearConvolutionImpl extends ConvolutionLayer {

    LinearConvolutionImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
        boolean ownPath = helper instanceof MKLDNNConvHelper && helperCountFail == 0
                && c.getActivationFn() instanceof ActivationIdentity && c.getWeightNoise() == null
                && c.getCnn2dDataFormat() == CNN2DFormat.NCHW;
        if (!ownPath) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        Pair<Gradient, INDArray> result;
        try {
            result = helper.backpropGradient(input.castTo(dataType),
                    getParam(ConvolutionParamInitializer.WEIGHT_KEY), getParam(ConvolutionParamInitializer.BIAS_KEY),
                    epsilon.castTo(dataType), c.getKernelSize(), c.getStride(), c.getPadding(),
                    gradientViews.get(ConvolutionParamInitializer.BIAS_KEY),
                    gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY), c.getActivationFn(),
                    c.getCudnnAlgoMode(), c.getCudnnBwdFilterAlgo(), c.getCudnnBwdDataAlgo(), convolutionMode,
                    c.getDilation(), CNN2DFormat.NCHW, workspaceMgr);
        } catch (RuntimeException e) {
            // DL4J's path retries the helper and applies its own fallback rules (cudnnAllowFallback)
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        if (result == null) { // the helper declined (it runs float only)
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        result.setSecond(backpropDropOutIfPresent(result.getSecond()));
        return result;
    }
}
