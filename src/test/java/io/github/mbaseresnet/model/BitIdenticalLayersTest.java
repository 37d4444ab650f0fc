package io.github.mbaseresnet.model;

import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.support.Dl4jTestBase;
import io.github.mbaseresnet.support.RandomBatch;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Issue 8: {@link LinearConvolution} and {@link ReluLayer} train bit for bit like the DL4J layers they stand for
 * (ConvolutionLayer and ActivationLayer with the same settings: they only leave out DL4J's recomputation of the
 * forward convolution and its copies of the ReLU's input), and survive DL4J's JSON.
 */
class BitIdenticalLayersTest extends Dl4jTestBase {

    private static final NetworkConfig NET = new NetworkConfig(Variant.MBA_SE_RESNET, LossConfig.proposed(), 16, 1,
            List.of(8, 16), 1, 4, 2, 3, 7);
    /** Each of ours, with the DL4J layer configuration it replaces. */
    private static final Map<String, String> REPLACED = Map.of(
            LinearConvolution.class.getName(), org.deeplearning4j.nn.conf.layers.ConvolutionLayer.class.getName(),
            ReluLayer.class.getName(), org.deeplearning4j.nn.conf.layers.ActivationLayer.class.getName());

    @Test
    void everyConvolutionOfTheNetworkIsLinearAndRunsOnOneDnn() {
        assumeThat(System.getProperty("fer.backend", "cpu")).isEqualTo("cpu");
        ComputationGraph net = MbaSeResNet.build(NET, new Adam(1e-3));
        List<Layer> convolutions = Arrays.stream(net.getLayers())
                .filter(l -> l instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer).toList();
        assertThat(convolutions).hasSize(8).allSatisfy(l -> {
            assertThat(l).isInstanceOf(LinearConvolutionImpl.class);
            assertThat(l.getHelper()).isInstanceOf(MKLDNNConvHelper.class);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"io.github.mbaseresnet.model.LinearConvolution", "io.github.mbaseresnet.model.ReluLayer"})
    void trainsBitForBitLikeTheDl4jLayerItReplaces(String ours) {
        String json = MbaSeResNet.configuration(NET, new Adam(1e-2), DataType.FLOAT).toJson();
        assertThat(json).contains(ours);
        ComputationGraph linear = new ComputationGraph(ComputationGraphConfiguration.fromJson(json));
        ComputationGraph plain = new ComputationGraph(ComputationGraphConfiguration.fromJson(
                json.replace(ours, REPLACED.get(ours))));
        linear.init();
        plain.init();
        assertThat(linear.getLayer("stem")).isInstanceOf(LinearConvolutionImpl.class);
        assertThat(linear.getLayer("stem_relu")).isInstanceOf(ReluLayerImpl.class);
        assertThat(plain.getConfiguration().toJson()).doesNotContain(ours);
        assertThat(linear.params()).isEqualTo(plain.params());

        DataSet batch = RandomBatch.of(6, 16, 3, DataType.FLOAT);
        for (int step = 0; step < 3; step++) {
            linear.fit(batch);
            plain.fit(batch);
            assertThat(linear.score()).as("score after step %d", step + 1).isEqualTo(plain.score());
        }
        INDArray difference = linear.params().sub(plain.params());
        assertThat(difference.amaxNumber().doubleValue()).as("largest parameter difference after 3 steps")
                .isZero();
        assertThat(linear.getUpdater().getStateViewArray()).isEqualTo(plain.getUpdater().getStateViewArray());
    }

    @Test
    void aTestBatchOfAnotherSizeAndStride2WorkAfterTraining() {
        // DL4J #7844: a batch size other than the training one; the stride-2 first block covers padding
        ComputationGraph net = MbaSeResNet.build(NET, new Adam(1e-2));
        net.fit(RandomBatch.of(6, 16, 3, DataType.FLOAT));
        net.fit(RandomBatch.of(4, 16, 3, DataType.FLOAT));
        INDArray five = RandomBatch.of(5, 16, 3, DataType.FLOAT).getFeatures();
        assertThat(net.outputSingle(five).shape()).containsExactly(5, 3);
        assertThat(net.score()).isFinite();
    }

}
