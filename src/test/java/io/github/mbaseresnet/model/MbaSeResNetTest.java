package io.github.mbaseresnet.model;

import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.support.Dl4jTestBase;
import io.github.mbaseresnet.support.NumericalGradientCheck;
import io.github.mbaseresnet.support.RandomBatch;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MbaSeResNetTest extends Dl4jTestBase {

    /** 2 branches × 1 block, widths 4/8, r = 4 (floor 2), 8×8 input, 3 classes. */
    private static NetworkConfig tiny(Variant variant, LossKind loss) {
        return new NetworkConfig(variant, new LossConfig(loss, 4.0, 0.35), 8, 1, List.of(4, 8), 1, 4, 2, 3, 11);
    }


    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void wholeNetworkGradientsMatchCentralDifferences(Variant variant) {
        useDouble();
        ComputationGraph net = MbaSeResNet.build(tiny(variant, LossKind.EXP_COSINE_MARGIN), new NoOp(),
                DataType.DOUBLE);
        assertThat(NumericalGradientCheck.failures(net, RandomBatch.of(3, 8, 3, DataType.DOUBLE))).isEmpty();
    }

    @Test
    void softmaxHeadGradientsMatchCentralDifferences() {
        useDouble();
        ComputationGraph net = MbaSeResNet.build(tiny(Variant.MBA_SE_RESNET, LossKind.SOFTMAX), new NoOp(),
                DataType.DOUBLE);
        assertThat(NumericalGradientCheck.failures(net, RandomBatch.of(2, 8, 3, DataType.DOUBLE))).isEmpty();
    }

    @Test
    void blocksAreWiredAsThePaperSays() {
        ComputationGraphConfiguration conf = MbaSeResNet.configuration(tiny(Variant.MBA_SE_RESNET,
                LossKind.EXP_COSINE_MARGIN), new NoOp(), DataType.FLOAT);
        var inputs = conf.getVertexInputs();
        // y = ReLU(SE(u) + ASC(proj(x))): the sum adds the SE-scaled residual and the gated, projected input
        assertThat(inputs.get("b1_block1_sum")).containsExactly("b1_block1_se_scale", "b1_block1_asc_scale");
        assertThat(inputs.get("b1_block1_se_scale")).containsExactly("b1_block1_conv2_bn", "b1_block1_se_fc2");
        assertThat(inputs.get("b1_block1_asc_scale")).containsExactly("b1_block1_proj_bn", "b1_block1_asc_fc2");
        assertThat(inputs.get("b1_block1_asc_squeeze")).containsExactly("b1_block1_proj_bn");
        assertThat(inputs.get("b1_block1_proj")).containsExactly("stem_relu");
        // each branch feeds the next and the fusion concat; earlier branches are pooled to the last one's size
        assertThat(inputs.get("b2_block1_conv1")).containsExactly("b1_block1_out");
        assertThat(inputs.get("fusion_pool1")).containsExactly("b1_block1_out");
        assertThat(inputs.get("fusion_concat")).containsExactly("fusion_pool1", "b2_block1_out");
        assertThat(inputs.get("output")).containsExactly("gap");
    }

    @Test
    void seResNetShortcutIsTheIdentityAndTheBaselineHasNone() {
        var se = MbaSeResNet.configuration(new NetworkConfig(Variant.SE_RESNET, LossConfig.proposed(), 8, 1,
                List.of(4, 8), 2, 4, 2, 3, 1), new NoOp(), DataType.FLOAT).getVertexInputs();
        // second block of a branch keeps width and stride: the shortcut is x itself, no projection, no gate
        assertThat(se.get("b1_block2_sum")).containsExactly("b1_block2_se_scale", "b1_block1_out");
        assertThat(se.keySet()).noneMatch(name -> name.contains("_asc"));
        var cnn = MbaSeResNet.configuration(tiny(Variant.CNN_BASELINE, LossKind.EXP_COSINE_MARGIN), new NoOp(),
                DataType.FLOAT).getVertexInputs();
        assertThat(cnn.keySet()).noneMatch(name -> name.contains("_sum") || name.contains("_se") || name.contains("fusion_concat"));
        assertThat(cnn.get("fusion_conv")).containsExactly("b2_block1_out");
    }

    @Test
    void adaptiveShortcutReallyGatesTheInput() {
        ComputationGraph net = MbaSeResNet.build(tiny(Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN),
                new NoOp());
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8);
        INDArray open = gateThenBlockOutput(net, x, 30f);
        INDArray shut = gateThenBlockOutput(net, x, -30f);
        // gate ≈ 0: the block output is ReLU(u') alone; gate ≈ 1: the projected input is added
        INDArray residualOnly = net.feedForward(x, false).get("b1_block1_se_scale");
        assertThat(shut.sub(residualOnly.dup().muli(residualOnly.gt(0).castTo(DataType.FLOAT))).amaxNumber()
                .doubleValue()).isLessThan(1e-5);
        assertThat(open.sub(shut).amaxNumber().doubleValue()).isGreaterThan(1e-3);
    }

    /** Sets the adaptive gate's last bias of the first block to {@code bias} and returns that block's output. */
    private static INDArray gateThenBlockOutput(ComputationGraph net, INDArray x, float bias) {
        var fc2 = net.getLayer("b1_block1_asc_fc2");
        fc2.setParam("W", fc2.getParam("W").mul(0));
        fc2.setParam("b", fc2.getParam("b").assign(bias));
        return net.feedForward(x, false).get("b1_block1_out").dup();
    }

    @Test
    void convolutionLayersRunOnTheOneDnnHelperOnCpu() {
        org.junit.jupiter.api.Assumptions.assumeTrue("cpu".equals(System.getProperty("fer.backend", "cpu")),
                "oneDNN helpers exist on the CPU backend only");
        ComputationGraph net = MbaSeResNet.build(tiny(Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN),
                new NoOp());
        assertThat(net.getLayer("stem").getHelper()).isInstanceOf(MKLDNNConvHelper.class);
    }

    @Test
    void savedAndReloadedModelGivesIdenticalOutputs(@TempDir Path dir) throws Exception {
        ComputationGraph net = MbaSeResNet.build(tiny(Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN),
                new Adam(1e-2));
        for (int i = 0; i < 3; i++) {
            net.fit(RandomBatch.of(4, 8, 3, DataType.FLOAT));
        }
        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        ComputationGraph loaded = ModelSerializer.restoreComputationGraph(file, true);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 1, 8, 8);
        assertThat(loaded.outputSingle(x).toFloatMatrix()).isDeepEqualTo(net.outputSingle(x).toFloatMatrix());
    }

    @Test
    void sameSeedGivesTheSameWeightsAndOutputs() {
        NetworkConfig cfg = tiny(Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8);
        assertThat(MbaSeResNet.build(cfg, new NoOp()).params())
                .isEqualTo(MbaSeResNet.build(cfg, new NoOp()).params());
        assertThat(MbaSeResNet.build(cfg.withSeed(99), new NoOp()).outputSingle(x))
                .isNotEqualTo(MbaSeResNet.build(cfg, new NoOp()).outputSingle(x));
    }

    @Test
    void impossibleConfigurationsNameTheSetting() {
        LossConfig loss = LossConfig.proposed();
        assertThatThrownBy(() -> new NetworkConfig(Variant.MBA_SE_RESNET, loss, 64, 1, List.of(), 2, 16, 4, 6, 1))
                .hasMessageContaining("fer.model.widths");
        assertThatThrownBy(() -> new NetworkConfig(Variant.MBA_SE_RESNET, loss, 64, 1, List.of(24), 2, 16, 4, 6, 1))
                .hasMessageContaining("multiple of the reduction");
        assertThatThrownBy(() -> new NetworkConfig(Variant.MBA_SE_RESNET, loss, 4, 1, List.of(16, 32, 64), 2, 16,
                4, 6, 1)).hasMessageContaining("fer.crop");
        assertThatThrownBy(() -> new NetworkConfig(Variant.MBA_SE_RESNET, loss, 64, 1, List.of(16), 0, 16, 4, 6, 1))
                .hasMessageContaining("fer.model.blocks");
    }
}
