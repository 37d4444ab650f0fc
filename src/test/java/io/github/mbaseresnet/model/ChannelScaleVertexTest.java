package io.github.mbaseresnet.model;

import io.github.mbaseresnet.support.Dl4jTestBase;
import io.github.mbaseresnet.support.NumericalGradientCheck;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelScaleVertexTest extends Dl4jTestBase {

    /** input → conv1×1 → (map, sigmoid(dense(GAP(map)))) → ChannelScale → GAP → softmax output. */
    private static ComputationGraph tinyGraph() {
        var conf = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE).updater(new NoOp())
                .graphBuilder().addInputs("in").setInputTypes(InputType.convolutional(3, 3, 2))
                .addLayer("conv", new ConvolutionLayer.Builder(1, 1).nOut(3).activation(Activation.TANH).build(), "in")
                .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv")
                .addLayer("gate", new DenseLayer.Builder().nOut(3).activation(Activation.SIGMOID).build(), "gap")
                .addVertex("scale", new ChannelScaleVertex(), "conv", "gate")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "scale")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "pool")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    @Test
    void forwardScalesEachChannelOfEachExampleByItsOwnWeight() {
        var impl = new ChannelScaleVertexImpl(null, "s", 0, DataType.DOUBLE);
        // 2 examples × 2 channels × 1×2 maps: example 0 has channels (1,2) and (3,4), example 1 (5,6) and (7,8)
        INDArray x = Nd4j.create(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, new long[] {2, 2, 1, 2});
        INDArray s = Nd4j.create(new double[] {10, 100, -1, 0.5}, new long[] {2, 2});
        impl.setInputs(new INDArray[] {x, s});
        INDArray out = impl.doForward(false, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        assertThat(out.reshape(8).toDoubleVector()).containsExactly(10, 20, 300, 400, -5, -6, 3.5, 4);
    }

    @ParameterizedTest(name = "mini-batch {0}")
    @ValueSource(ints = {2, 5})
    void gradientsMatchCentralDifferences(int batch) {
        useDouble();
        ComputationGraph net = tinyGraph();
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, batch, 2);
        for (int i = 0; i < batch; i++) {
            labels.putScalar(i, i % 2, 1);
        }
        DataSet data = new DataSet(Nd4j.rand(DataType.DOUBLE, batch, 2, 3, 3).subi(0.5), labels);
        assertThat(NumericalGradientCheck.trainableParameters(net)).isEqualTo(2 * 3 + 3 + 3 * 3 + 3 + 3 * 2 + 2);
        assertThat(NumericalGradientCheck.failures(net, data)).isEmpty();
    }
}
