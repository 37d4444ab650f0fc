package io.github.mbaseresnet.model;

import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.support.Dl4jTestBase;
import io.github.mbaseresnet.support.RandomBatch;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Issue 8: {@link LinearConvolution} and {@link ReluLayer} train bit for bit like the DL4J layers they stand for
 * (ConvolutionLayer and ActivationLayer with the same settings: they only leave out DL4J's recomputation of the
 * forward convolution and its copies of the ReLU's input), and survive DL4J's JSON. Without oneDNN helpers all three
 * are DL4J's layers bit for bit, and a network saved with DL4J's classes (before issue 8) still loads.
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
        assumeThat(System.getProperty("fer.backend", "cpu")).as("the fast path is the oneDNN one").isEqualTo("cpu");
        assertThat(linear.getLayer("stem").getHelper()).as("our path runs on DL4J's oneDNN helper")
                .isInstanceOf(MKLDNNConvHelper.class);
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

    @Test
    void withHelpersOffEveryReplacedLayerTrainsBitForBitLikeDl4jsOwn() {
        // DL4J's own paths of all three (no oneDNN helper: -Dorg.eclipse.deeplearning4j.helpers.disable=true, CUDA),
        // with a batch of 1, inference before any fit and a test batch of another size
        String json = MbaSeResNet.configuration(NET, new Adam(1e-2), DataType.FLOAT).toJson();
        ComputationGraph ours = withHelpersDisabled(() -> graph(json));
        ComputationGraph dl4j = withHelpersDisabled(() -> graph(withDl4jClasses(json)));
        assertThat(ours.getLayer("stem_bn").getHelper()).isNull();
        assertThat(ours.getLayer("stem").getHelper()).isNull();
        assertThat(ours.getLayer("stem").getClass()).isEqualTo(LinearConvolutionImpl.class);
        INDArray test = RandomBatch.of(5, 16, 3, DataType.FLOAT).getFeatures();
        assertThat(ours.outputSingle(test)).isEqualTo(dl4j.outputSingle(test));
        for (int n : new int[] {1, 6}) {
            DataSet batch = RandomBatch.of(n, 16, 3, DataType.FLOAT);
            ours.fit(batch);
            dl4j.fit(batch);
            assertThat(ours.score()).as("score after a batch of %d", n).isEqualTo(dl4j.score());
        }
        assertThat(ours.params()).isEqualTo(dl4j.params());
        assertThat(ours.outputSingle(test)).isEqualTo(dl4j.outputSingle(test));
    }

    @Test
    void aNetworkSavedWithDl4jsLayerClassesIsRestoredAndPredictsLikeOurs(@TempDir Path dir) {
        // what versions of the harness before issue 8 saved (bundles, checkpoints): DL4J's classes in the JSON
        ComputationGraph ours = MbaSeResNet.build(NET, new Adam(1e-2));
        ours.fit(RandomBatch.of(6, 16, 3, DataType.FLOAT));
        ComputationGraph old = graph(withDl4jClasses(ours.getConfiguration().toJson()));
        old.setParams(ours.params());
        old.getUpdater().setStateViewArray(ours.getUpdater().getStateViewArray().dup());
        Path file = dir.resolve("run1-fold1.zip");
        NetworkArchive.write(file, old, Map.of());
        ComputationGraph restored = NetworkArchive.read(file).network();
        assertThat(restored.getLayer("stem_bn").getClass())
                .isEqualTo(org.deeplearning4j.nn.layers.normalization.BatchNormalization.class);
        INDArray test = RandomBatch.of(5, 16, 3, DataType.FLOAT).getFeatures();
        assertThat(restored.outputSingle(test)).isEqualTo(ours.outputSingle(test));
        DataSet next = RandomBatch.of(6, 16, 3, DataType.FLOAT);
        restored.fit(next);
        ours.fit(next);
        assertThat(restored.score()).isCloseTo(ours.score(), within(1e-4));
    }

    private static ComputationGraph graph(String json) {
        ComputationGraph net = new ComputationGraph(ComputationGraphConfiguration.fromJson(json));
        net.init();
        return net;
    }

    /** The configuration with DL4J's layer classes in place of all of ours. */
    private static String withDl4jClasses(String json) {
        String dl4j = json;
        for (Map.Entry<String, String> replaced : REPLACED.entrySet()) {
            dl4j = dl4j.replace(replaced.getKey(), replaced.getValue());
        }
        return dl4j.replace(MomentsBatchNormalization.class.getName(),
                org.deeplearning4j.nn.conf.layers.BatchNormalization.class.getName());
    }

}
