package io.github.mbaseresnet.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/**
 * Shortcut projection when a block changes width or stride: 1×1 convolution with the block's stride, then batch norm
 * (ResNet's option B). The paper does not say how its shortcut handles shape changes (PAPER.md §1, assumption).
 */
final class Projection {
    private Projection() {
    }

    /** Returns {@code x} itself when no projection is needed. */
    static String applyIfNeeded(GraphBuilder g, String name, String x, int inChannels, int outChannels, int stride) {
        if (inChannels == outChannels && stride == 1) {
            return x;
        }
        return Layers.convBn(g, name, x, outChannels, 1, stride);
    }
}
