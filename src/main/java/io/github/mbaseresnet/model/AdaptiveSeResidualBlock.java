package io.github.mbaseresnet.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;

/**
 * The Adaptive SE residual module, Adap-SE-ResM (PAPER.md §1), and its ablations, selected by {@link Variant}:
 * <pre>
 *   u  = BN(conv3×3(ReLU(BN(conv3×3(x)))))       Fconv, ResNet basic block (assumption)
 *   u' = SE(u)                                    steps 2–4 (skipped in the plain CNN)
 *   x' = ASC(proj(x)) | proj(x) | none            step 5: adaptive / identity (SE-ResNet) / no shortcut
 *   y  = ReLU(u' + x')                            step 6, ReLU after the sum (assumption)
 * </pre>
 */
final class AdaptiveSeResidualBlock {
    private AdaptiveSeResidualBlock() {
    }

    /** Adds one block reading {@code x} and returns the name of its output. */
    static String add(GraphBuilder g, String name, String x, int inChannels, int outChannels, int stride,
            Variant variant, int reducedChannels) {
        String hidden = Layers.convBnRelu(g, name + "_conv1", x, outChannels, stride);
        String u = Layers.convBn(g, name + "_conv2", hidden, outChannels, 3, 1);
        String uScaled = variant.squeezeExcitation()
                ? SqueezeExcitation.apply(g, name + "_se", u, outChannels, reducedChannels)
                : u;
        if (variant.shortcut() == Shortcut.NONE) {
            return Layers.relu(g, name + "_out", uScaled);
        }
        String shortcut = Projection.applyIfNeeded(g, name + "_proj", x, inChannels, outChannels, stride);
        if (variant.shortcut() == Shortcut.ADAPTIVE) {
            shortcut = AdaptiveShortcut.apply(g, name + "_asc", shortcut, outChannels, reducedChannels);
        }
        g.addVertex(name + "_sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), uScaled, shortcut);
        return Layers.relu(g, name + "_out", name + "_sum");
    }
}
