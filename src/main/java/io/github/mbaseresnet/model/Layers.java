package io.github.mbaseresnet.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * The small building steps every block shares. Each adds its vertices to the graph and returns the name of its
 * output, so wiring is always "consume what the last step produced" (no hand-built name strings between steps).
 */
final class Layers {
    private Layers() {
    }

    /** k×k convolution, "same" padding, no bias (a batch norm follows), then batch norm. */
    static String convBn(GraphBuilder g, String name, String input, int outChannels, int kernel, int stride) {
        g.addLayer(name, new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride)
                .convolutionMode(ConvolutionMode.Same).nOut(outChannels).hasBias(false)
                .activation(Activation.IDENTITY).build(), input);
        g.addLayer(name + "_bn", new BatchNormalization.Builder().build(), name);
        return name + "_bn";
    }

    static String relu(GraphBuilder g, String name, String input) {
        g.addLayer(name, new ActivationLayer.Builder().activation(Activation.RELU).build(), input);
        return name;
    }

    /** conv3×3 – BN – ReLU. */
    static String convBnRelu(GraphBuilder g, String name, String input, int outChannels, int stride) {
        return relu(g, name + "_relu", convBn(g, name, input, outChannels, 3, stride));
    }
}
