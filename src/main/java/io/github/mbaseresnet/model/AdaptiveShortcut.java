package io.github.mbaseresnet.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/**
 * The paper's novelty (PAPER.md §1 step 5): the shortcut is not the identity but the input re-weighted by its own
 * channel attention, {@code x' = sigmoid(g2(relu(g1(GAP(x))))) ⊙ x}, with g1, g2 separate from the residual path's
 * f1, f2. When the block changes width or stride, x is first projected ({@link Projection}, an assumption).
 */
final class AdaptiveShortcut {
    private AdaptiveShortcut() {
    }

    static String apply(GraphBuilder g, String name, String x, int channels, int reducedChannels) {
        return SqueezeExcitation.apply(g, name, x, channels, reducedChannels);
    }
}
