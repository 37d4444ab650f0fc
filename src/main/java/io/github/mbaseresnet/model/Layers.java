package io.github.mbaseresnet.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/**
 * The small building steps every block shares. Each adds its vertices to the graph and returns the name of its
 * output, so wiring is always "consume what the last step produced" (no hand-built name strings between steps).
 */
final class Layers {
    private Layers() {
    }

    /** k×k convolution, "same" padding, no bias (a batch norm follows), then batch norm. */
    static String convBn(GraphBuilder g, String name, String input, int outChannels, int kernel, int stride) {
        g.addLayer(name, LinearConvolution.of(kernel, stride, outChannels), input);
        g.addLayer(name + "_bn", new MomentsBatchNormalization(), name);
        return name + "_bn";
    }

    static String relu(GraphBuilder g, String name, String input) {
        g.addLayer(name, new ReluLayer(), input);
        return name;
    }

    /** conv3×3 – BN – ReLU. */
    static String convBnRelu(GraphBuilder g, String name, String input, int outChannels, int stride) {
        return relu(g, name + "_relu", convBn(g, name, input, outChannels, 3, stride));
    }
}
