package io.github.mbaseresnet.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;

/**
 * Squeeze-and-excitation channel gate (Hu et al., SENet; PAPER.md §1 steps 2–4):
 * {@code t' = sigmoid(f2(relu(f1(GAP(t))))) ⊙ t}, f1: C → C/r, f2: C/r → C.
 *
 * <p>The paper's adaptive shortcut (§1 step 5) is the same operation with its own FC pair applied to the block input
 * x instead of the residual u; {@link AdaptiveShortcut} uses this class for it.
 */
final class SqueezeExcitation {
    private SqueezeExcitation() {
    }

    /** Adds the gate on {@code input} ([N, C, H, W]) and returns the name of the re-weighted map. */
    static String apply(GraphBuilder g, String name, String input, int channels, int reducedChannels) {
        g.addLayer(name + "_squeeze", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), input);
        g.addLayer(name + "_fc1", new DenseLayer.Builder().nOut(reducedChannels).activation(Activation.RELU).build(),
                name + "_squeeze");
        g.addLayer(name + "_fc2", new DenseLayer.Builder().nOut(channels).activation(Activation.SIGMOID).build(),
                name + "_fc1");
        g.addVertex(name + "_scale", new ChannelScaleVertex(), input, name + "_fc2");
        return name + "_scale";
    }
}
