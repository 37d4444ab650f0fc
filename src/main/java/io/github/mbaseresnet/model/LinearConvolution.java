package io.github.mbaseresnet.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * A k×k "same" convolution with no bias and no activation: every convolution of the network, since a batch norm
 * follows each one (PAPER.md §2). It computes exactly what DL4J's {@link ConvolutionLayer} computes; only its runtime,
 * {@link LinearConvolutionImpl}, skips work in the backward pass (issue 8, "fix what is ours to fix").
 */
public class LinearConvolution extends ConvolutionLayer {

    /** For DL4J's JSON deserialization. */
    public LinearConvolution() {
    }

    private LinearConvolution(ConvolutionLayer.Builder builder) {
        super(builder);
    }

    public static LinearConvolution of(int kernel, int stride, int outChannels) {
        ConvolutionLayer.Builder builder = new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride)
                .convolutionMode(ConvolutionMode.Same).nOut(outChannels).hasBias(false)
                .activation(Activation.IDENTITY);
        builder.build(); // DL4J's own validation of kernel, stride and padding
        return new LinearConvolution(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
            int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return RuntimeLayers.wire(new LinearConvolutionImpl(conf, networkDataType), conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams, initializer());
    }
}
