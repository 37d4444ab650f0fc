package io.github.mbaseresnet.model;

import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.support.Dl4jTestBase;
import io.github.mbaseresnet.support.RandomBatch;
import io.github.mbaseresnet.support.NumericalGradientCheck;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Issue 8: {@link MomentsBatchNormalization} is DL4J's batch norm with the batch statistics from one fused op. It
 * normalises by the batch's biased variance (values by hand), trains like DL4J's layer up to float rounding, and its
 * gradients pass the central-difference check.
 */
class MomentsBatchNormalizationTest extends Dl4jTestBase {
    private static final NetworkConfig NET = new NetworkConfig(Variant.MBA_SE_RESNET, LossConfig.proposed(), 16, 1,
            List.of(8, 16), 1, 4, 2, 3, 7);
    private static final String OURS = MomentsBatchNormalization.class.getName();
    private static final String DL4J = org.deeplearning4j.nn.conf.layers.BatchNormalization.class.getName();

    @BeforeEach
    void cpuOnly() {
        assumeThat(System.getProperty("fer.backend", "cpu")).as("the helper replaces DL4J's oneDNN helper (CPU)")
                .isEqualTo("cpu");
    }

    @Test
    void normalisesEachChannelByTheBatchMeanAndBiasedVarianceAsComputedByHand() {
        // x[n, c, 0, w]: channel 0 holds 1, 2 | 5, 6 and channel 1 holds 3, 4 | 7, 8 (samples n = 0 | 1)
        INDArray x = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new long[] {2, 2, 1, 2});
        MomentsBatchNormHelper helper = new MomentsBatchNormHelper();
        INDArray gamma = Nd4j.create(new float[] {2, 1}, 1, 2);
        INDArray beta = Nd4j.create(new float[] {0, 10}, 1, 2);
        INDArray unused = Nd4j.zeros(DataType.FLOAT, 1, 2);
        INDArray y = helper.preOutput(x, true, x.shape(), gamma, beta, unused, unused, 0.9, 0, CNN2DFormat.NCHW,
                LayerWorkspaceMgr.noWorkspaces());
        // mean 3.5 and 5.5; biased variance (2.5² + 1.5² + 1.5² + 2.5²) / 4 = 4.25 for both
        assertThat(helper.getMeanCache(DataType.FLOAT).toFloatVector()).containsExactly(3.5f, 5.5f);
        assertThat(helper.getVarCache(DataType.FLOAT).toFloatVector()).containsExactly(4.25f, 4.25f);
        double s = Math.sqrt(4.25);
        double[] expected = {2 * -2.5 / s, 2 * -1.5 / s, 10 - 2.5 / s, 10 - 1.5 / s,
                2 * 1.5 / s, 2 * 2.5 / s, 10 + 1.5 / s, 10 + 2.5 / s};
        double[] actual = y.reshape(8).toDoubleVector();
        for (int i = 0; i < 8; i++) {
            assertThat(actual[i]).as("y[%d]", i).isCloseTo(expected[i], within(1e-5));
        }
        // inference uses the running statistics given, not the batch's
        INDArray running = helper.preOutput(x, false, x.shape(), gamma, beta, Nd4j.create(new float[] {1, 3}, 1, 2),
                Nd4j.create(new float[] {4, 1}, 1, 2), 0.9, 0, CNN2DFormat.NCHW, LayerWorkspaceMgr.noWorkspaces());
        assertThat(running.getDouble(0, 0, 0, 1)).isCloseTo(2 * (2 - 1) / 2.0, within(1e-6));
        assertThat(running.getDouble(1, 1, 0, 0)).isCloseTo(10 + (7 - 3), within(1e-6));
    }

    @Test
    void everyBatchNormOfTheNetworkUsesTheMomentsHelperInFloatAndDouble() {
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            ComputationGraph net = MbaSeResNet.build(NET, new Adam(1e-3), type);
            List<Layer> norms = Arrays.stream(net.getLayers()).filter(l -> l instanceof BatchNormalization).toList();
            assertThat(norms).as(type.toString()).hasSize(8)
                    .allSatisfy(l -> assertThat(l.getHelper()).isInstanceOf(MomentsBatchNormHelper.class));
        }
    }

    @Test
    void trainsLikeDl4jsBatchNormalizationUpToFloatRounding() {
        String json = MbaSeResNet.configuration(NET, new Adam(1e-2), DataType.FLOAT).toJson();
        assertThat(json).contains(OURS);
        ComputationGraph moments = new ComputationGraph(ComputationGraphConfiguration.fromJson(json));
        ComputationGraph dl4j = new ComputationGraph(ComputationGraphConfiguration.fromJson(json.replace(OURS, DL4J)));
        moments.init();
        dl4j.init();
        assertThat(dl4j.getLayer("stem_bn").getHelper()).isNotInstanceOf(MomentsBatchNormHelper.class).isNotNull();
        assertThat(moments.params()).isEqualTo(dl4j.params());
        DataSet batch = RandomBatch.of(6, 16, 3, DataType.FLOAT);
        for (int step = 0; step < 3; step++) {
            moments.fit(batch);
            dl4j.fit(batch);
            assertThat(moments.score()).as("score after step %d", step + 1).isCloseTo(dl4j.score(), within(1e-4));
        }
        // parameters, including each layer's running mean and variance, after 3 Adam steps of 1e-2
        float[] a = moments.params().toFloatVector();
        float[] b = dl4j.params().toFloatVector();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("parameter %d", i).isCloseTo(b[i], within(1e-4f + 1e-4f * Math.abs(b[i])));
        }
        float[] out = moments.outputSingle(batch.getFeatures()).reshape(-1).toFloatVector();
        float[] expectedOut = dl4j.outputSingle(batch.getFeatures()).reshape(-1).toFloatVector();
        for (int i = 0; i < out.length; i++) {
            assertThat(out[i]).as("output %d", i).isCloseTo(expectedOut[i], within(1e-4f));
        }
    }

    @Test
    void gradientsThroughTheHelperMatchCentralDifferences() {
        useDouble();
        NetworkConfig tiny = new NetworkConfig(Variant.SE_RESNET, LossConfig.proposed(), 8, 1, List.of(4), 1, 4, 2,
                3, 5);
        ComputationGraph net = MbaSeResNet.build(tiny, new NoOp(), DataType.DOUBLE);
        assertThat(net.getLayer("stem_bn").getHelper()).isInstanceOf(MomentsBatchNormHelper.class);
        assertThat(NumericalGradientCheck.failures(net, RandomBatch.of(4, 8, 3, DataType.DOUBLE))).isEmpty();
    }

}
