package io.github.mbaseresnet.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Benchmark-only: the network's stack of residual blocks, every block at the size it has in {@link MbaSeResNet}
 * (stem, then each branch's blocks, the first with stride 2), without fusion and with a plain softmax head, built
 * from one kind of block. Timing the stacks of two kinds against each other isolates what the blocks cost at the
 * network's real sizes. It lives in the model package (in src/bench/java, so the main code is unchanged) to reuse the
 * package-private {@link AdaptiveSeResidualBlock}, {@link Layers} and {@link Projection}.
 */
public final class BlockStacks {
    /** The block kinds compared. */
    public enum Kind {
        /** Adap-SE-ResM, the proposed block (PAPER.md §1): SE on the residual, adaptive gate on the shortcut. */
        ADAP_SE,
        /** SENet's SE-ResNet block (Table 5's ablation): SE on the residual, identity shortcut. */
        SE,
        /** A ResNet basic block: no SE, identity shortcut. */
        PLAIN_RESIDUAL
    }

    private BlockStacks() {
    }

    public static ComputationGraph build(Kind kind, NetworkConfig cfg, IUpdater updater) {
        GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(cfg.seed())
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.RELU)
                .graphBuilder()
                .addInputs(MbaSeResNet.INPUT)
                .setInputTypes(InputType.convolutional(cfg.inputSize(), cfg.inputSize(), cfg.inputChannels()));
        String x = Layers.convBnRelu(g, "stem", MbaSeResNet.INPUT, cfg.stemWidth(), 1);
        int channels = cfg.stemWidth();
        for (int b = 0; b < cfg.branches(); b++) {
            int width = cfg.branchWidths().get(b);
            for (int k = 0; k < cfg.blocksPerBranch(); k++) {
                x = block(g, kind, "b" + (b + 1) + "_block" + (k + 1), x, channels, width, k == 0 ? 2 : 1,
                        cfg.reducedChannels(width));
                channels = width;
            }
        }
        g.addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
        g.addLayer(MbaSeResNet.OUTPUT, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(channels)
                .nOut(cfg.classes()).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), "gap");
        ComputationGraph net = new ComputationGraph(g.setOutputs(MbaSeResNet.OUTPUT).build());
        net.init();
        return net;
    }

    private static String block(GraphBuilder g, Kind kind, String name, String x, int in, int out, int stride,
            int reduced) {
        return switch (kind) {
            case ADAP_SE -> AdaptiveSeResidualBlock.add(g, name, x, in, out, stride, Variant.MBA_SE_RESNET, reduced);
            case SE -> AdaptiveSeResidualBlock.add(g, name, x, in, out, stride, Variant.SE_RESNET, reduced);
            case PLAIN_RESIDUAL -> plainResidual(g, name, x, in, out, stride);
        };
    }

    /** {@link AdaptiveSeResidualBlock} without SE and with the identity (or projected) shortcut. */
    private static String plainResidual(GraphBuilder g, String name, String x, int in, int out, int stride) {
        String hidden = Layers.convBnRelu(g, name + "_conv1", x, out, stride);
        String u = Layers.convBn(g, name + "_conv2", hidden, out, 3, 1);
        String shortcut = Projection.applyIfNeeded(g, name + "_proj", x, in, out, stride);
        g.addVertex(name + "_sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), u, shortcut);
        return Layers.relu(g, name + "_out", name + "_sum");
    }
}
