package io.github.mbaseresnet.model;

import io.github.mbaseresnet.loss.ExpCosineMarginLoss;
import io.github.mbaseresnet.loss.LossConfig;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;

/**
 * MBA-SE-ResNet (PAPER.md §2, the paper's Figure 2) and its ablations, built from a {@link NetworkConfig}:
 * <pre>
 *   stem conv3×3 → branch 1 → branch 2 → … → branch B        each branch: blocks, the first with stride 2
 *                    ↓          ↓                ↓
 *                 avgpool    avgpool          (smallest)      brought to the last branch's size (assumption)
 *                    └──────── concat ───────────┘            multi-branch fusion
 *                          conv3×3 → GAP → head               head: eq. 12 cosine layer, or FC + softmax
 * </pre>
 * The plain CNN baseline has no fusion: the last branch feeds the fusion conv directly.
 */
public final class MbaSeResNet {
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";

    private MbaSeResNet() {
    }

    public static ComputationGraph build(NetworkConfig cfg, IUpdater updater) {
        return build(cfg, updater, DataType.FLOAT);
    }

    /** {@code dataType} DOUBLE is for gradient checks; training uses FLOAT. */
    public static ComputationGraph build(NetworkConfig cfg, IUpdater updater, DataType dataType) {
        ComputationGraph net = new ComputationGraph(configuration(cfg, updater, dataType));
        net.init();
        return net;
    }

    public static ComputationGraphConfiguration configuration(NetworkConfig cfg, IUpdater updater,
            DataType dataType) {
        GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(cfg.seed())
                .dataType(dataType)
                .updater(updater)
                .weightInit(WeightInit.RELU)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(cfg.inputSize(), cfg.inputSize(), cfg.inputChannels()));

        String x = Layers.convBnRelu(g, "stem", INPUT, cfg.stemWidth(), 1);
        int channels = cfg.stemWidth();
        List<String> branchOutputs = new ArrayList<>();
        for (int b = 0; b < cfg.branches(); b++) {
            int width = cfg.branchWidths().get(b);
            for (int k = 0; k < cfg.blocksPerBranch(); k++) {
                x = AdaptiveSeResidualBlock.add(g, "b" + (b + 1) + "_block" + (k + 1), x, channels, width,
                        k == 0 ? 2 : 1, cfg.variant(), cfg.reducedChannels(width));
                channels = width;
            }
            branchOutputs.add(x);
        }
        String fused = cfg.variant().multiBranchFusion() ? fuse(g, branchOutputs) : x;
        String features = Layers.convBnRelu(g, "fusion_conv", fused, cfg.fusionWidth(), 1);
        g.addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), features);
        g.addLayer(OUTPUT, head(cfg.loss(), cfg.fusionWidth(), cfg.classes()), "gap");
        return g.setOutputs(OUTPUT).build();
    }

    /** Average-pools each branch output to the last branch's resolution and concatenates along channels. */
    private static String fuse(GraphBuilder g, List<String> branchOutputs) {
        int last = branchOutputs.size() - 1;
        String[] inputs = new String[branchOutputs.size()];
        for (int b = 0; b < last; b++) {
            int factor = 1 << (last - b);
            inputs[b] = "fusion_pool" + (b + 1);
            g.addLayer(inputs[b], new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(factor, factor)
                    .stride(factor, factor).build(), branchOutputs.get(b));
        }
        inputs[last] = branchOutputs.get(last);
        if (inputs.length == 1) {
            return inputs[0];
        }
        g.addVertex("fusion_concat", new MergeVertex(), inputs);
        return "fusion_concat";
    }

    private static org.deeplearning4j.nn.conf.layers.Layer head(LossConfig loss, int features, int classes) {
        return switch (loss.kind()) {
            case EXP_COSINE_MARGIN -> new ExpCosineMarginLoss(features, classes, loss.scale(), loss.margin());
            case SOFTMAX -> new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(features).nOut(classes)
                    .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build();
        };
    }
}
