package io.github.mbaseresnet.backend;

import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.model.MbaSeResNet;
import io.github.mbaseresnet.model.MomentsBatchNormHelper;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.support.Dl4jTestBase;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Issue 8: the oneDNN layer helpers that {@link BackendSetup#prepare()} switches on are really in use (DL4J M2.1 ships
 * them off and, without the {@code org.nd4j.nativeblas.Nd4jCpu} shim, silently drops them even when asked), and
 * training with them gives the same numbers as without, within float tolerance. Batch norm runs on the project's
 * replacement of DL4J's oneDNN helper ({@link MomentsBatchNormHelper}: the same oneDNN ops, faster statistics).
 */
class OneDnnHelpersTest extends Dl4jTestBase {

    /** 2 branches × 1 block, widths 8/16, 16×16 input: small, but every layer kind of the real network. */
    private static final NetworkConfig NET = new NetworkConfig(Variant.MBA_SE_RESNET, LossConfig.proposed(), 16, 1,
            List.of(8, 16), 1, 4, 2, 3, 7);

    @BeforeEach
    void cpuOnly() {
        assumeThat(System.getProperty("fer.backend", "cpu")).as("oneDNN helpers exist on the CPU backend only")
                .isEqualTo("cpu");
    }

    @Test
    void everyConvolutionBatchNormAndPoolingLayerRunsOnOneDnn() {
        assertThat(BaseMKLDNNHelper.mklDnnEnabled()).as("DL4J's oneDNN switch, read through the shim").isTrue();
        ComputationGraph net = MbaSeResNet.build(NET, new Adam(1e-3));
        List<Layer> layers = Arrays.asList(net.getLayers());
        assertThat(layers).filteredOn(l -> l instanceof ConvolutionLayer).hasSize(8)
                .allSatisfy(l -> assertThat(l.getHelper()).isInstanceOf(MKLDNNConvHelper.class));
        assertThat(layers).filteredOn(l -> l instanceof BatchNormalization).hasSize(8)
                .allSatisfy(l -> assertThat(l.getHelper()).isInstanceOf(MomentsBatchNormHelper.class));
        assertThat(layers).filteredOn(l -> l instanceof SubsamplingLayer).hasSize(1)
                .allSatisfy(l -> assertThat(l.getHelper()).isInstanceOf(MKLDNNSubsamplingHelper.class));
    }

    @Test
    void trainingWithHelpersMatchesTrainingWithout() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 1, 16, 16);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 3);
        for (int i = 0; i < 6; i++) {
            y.putScalar(i, i % 3, 1);
        }
        DataSet batch = new DataSet(x, y);
        ComputationGraph with = MbaSeResNet.build(NET, new Adam(1e-3));
        ComputationGraph without = withHelpersDisabled(() -> MbaSeResNet.build(NET, new Adam(1e-3)));
        assertThat(without.getLayer("stem").getHelper()).isNull();
        assertThat(with.getLayer("stem").getHelper()).isInstanceOf(MKLDNNConvHelper.class);
        assertThat(with.params()).isEqualTo(without.params());
        for (int step = 0; step < 3; step++) {
            with.fit(batch);
            without.fit(batch);
            assertThat(with.score()).isCloseTo(without.score(), Percentage.withPercentage(1e-3));
        }
        assertClose(with.params().toFloatVector(), without.params().toFloatVector(), "parameter after 3 steps");
        assertClose(with.outputSingle(x).reshape(-1).toFloatVector(), without.outputSingle(x).reshape(-1)
                .toFloatVector(), "output (cos θ)");
    }

    /** Float tolerance: 1e-4 absolute plus 1e-4 relative, per element. */
    private static void assertClose(float[] actual, float[] expected, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("%s %d", what, i).isCloseTo(expected[i],
                    Offset.offset(1e-4f + 1e-4f * Math.abs(expected[i])));
        }
    }
}
