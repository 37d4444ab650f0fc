package io.github.mbaseresnet.loss;

import io.github.mbaseresnet.support.Dl4jTestBase;
import io.github.mbaseresnet.support.NumericalGradientCheck;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExpCosineMarginLossTest extends Dl4jTestBase {

    /** The loss layer alone on 2-d features, weights set by hand: W's columns are the class weight vectors. */
    private static ComputationGraph lossOnly(double s, double m, double[][] weightColumns) {
        useDouble();
        var conf = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).updater(new NoOp()).graphBuilder()
                .addInputs("in").setInputTypes(InputType.feedForward(2))
                .addLayer("out", new ExpCosineMarginLoss(2, weightColumns.length, s, m), "in")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        INDArray w = Nd4j.create(weightColumns).transpose().dup('c');
        // setParam is a no-op on SameDiff layers in M2.1 (it only checks the shape): assign into the parameter view
        net.getLayer("out").getParam(ExpCosineMarginLoss.WEIGHTS).assign(w);
        return net;
    }

    private static double score(ComputationGraph net, double[] x, int label, int classes) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 1, classes);
        y.putScalar(0, label, 1);
        return net.score(new DataSet(Nd4j.create(new double[][] {x}), y));
    }

    @Test
    void marginIsSubtractedFromTheTargetCosineInsideTheExponential() {
        // W = (1,0), (0,1), (−1,0); x = (1,0) → cos θ = (1, 0, −1); s = 2, m = 0.5, target 0
        // z0 = 2·e^(1−0.5) = 3.2974425414, z1 = 2·e^0 = 2, z2 = 2·e^(−1) = 0.7357588823
        // L = ln(e^3.2974425414 + e^2 + e^0.7357588823) − 3.2974425414 = 0.3004040802
        ComputationGraph net = lossOnly(2, 0.5, new double[][] {{1, 0}, {0, 1}, {-1, 0}});
        assertThat(score(net, new double[] {1, 0}, 0, 3)).isCloseTo(0.30040408015915077, within(1e-9));
    }

    @Test
    void withZeroMarginItIsSoftmaxOverScaledExponentialCosines() {
        // W = (0.6,0.8), (0,1), (1,0) are unit vectors; x = (0,5) normalises to (0,1) → cos θ = (0.8, 1, 0)
        // s = 3, m = 0, target 1: z = 3·e^0.8 = 6.6766227855, 3·e^1 = 8.1548454853, 3·e^0 = 3
        // L = ln(e^6.6766227855 + e^8.1548454853 + e^3) − 8.1548454853 = 0.2101101851
        ComputationGraph net = lossOnly(3, 0, new double[][] {{0.6, 0.8}, {0, 1}, {1, 0}});
        double[] z = {3 * Math.exp(0.8), 3 * Math.exp(1.0), 3 * Math.exp(0.0)};
        double softmaxNll = Math.log(Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2])) - z[1];
        assertThat(softmaxNll).isCloseTo(0.2101101851, within(1e-9));
        assertThat(score(net, new double[] {0, 5}, 1, 3)).isCloseTo(softmaxNll, within(1e-9));
    }

    @Test
    void theScoreOfAMiniBatchIsTheMeanOfItsExamplesLosses() {
        // W = (1,0), (0,1); s = 1, m = 0.2; both examples have target 0.
        // x1 = (1,0): cos θ = (1, 0), z0 = e^0.8 = 2.2255409285, z1 = e^0 = 1
        //             L1 = ln(e^2.2255409285 + e^1) − 2.2255409285 = 0.2574281336
        // x2 = (0,1): cos θ = (0, 1), z0 = e^−0.2 = 0.8187307531, z1 = e^1 = 2.7182818285
        //             L2 = ln(e^0.8187307531 + e^2.7182818285) − 0.8187307531 = 2.0389962540
        // score = (L1 + L2) / 2 = 1.1482121938
        ComputationGraph net = lossOnly(1, 0.2, new double[][] {{1, 0}, {0, 1}});
        INDArray y = Nd4j.create(new double[][] {{1, 0}, {1, 0}});
        double score = net.score(new DataSet(Nd4j.create(new double[][] {{1, 0}, {0, 1}}), y));
        assertThat(score).isCloseTo(1.1482121937972818, within(1e-9));
    }

    @Test
    void featureAndWeightNormsDoNotMatter() {
        // Same geometry as the first case with x and W scaled: cos θ and so the loss are unchanged.
        ComputationGraph net = lossOnly(2, 0.5, new double[][] {{7, 0}, {0, 0.1}, {-3, 0}});
        assertThat(score(net, new double[] {40, 0}, 0, 3)).isCloseTo(0.30040408015915077, within(1e-9));
    }

    @Test
    void activationsAreTheCosinesAndPredictionIsTheirArgmax() {
        ComputationGraph net = lossOnly(2, 0.5, new double[][] {{1, 0}, {0, 1}, {-1, 0}});
        INDArray cos = net.outputSingle(Nd4j.create(new double[][] {{0, 2}, {-3, 0}}));
        assertThat(cos.toDoubleMatrix()[0]).containsExactly(new double[] {0, 1, 0}, within(1e-12));
        assertThat(cos.argMax(1).toIntVector()).containsExactly(1, 2);
    }

    @ParameterizedTest(name = "mini-batch {0}")
    @ValueSource(ints = {1, 4})
    void gradientsMatchCentralDifferences(int batch) {
        useDouble();
        var conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE).updater(new NoOp())
                .graphBuilder().addInputs("in").setInputTypes(InputType.feedForward(4))
                .addLayer("hidden", new DenseLayer.Builder().nOut(3).activation(Activation.TANH).build(), "in")
                .addLayer("out", new ExpCosineMarginLoss(3, 4, 4.0, 0.35), "hidden")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        INDArray y = Nd4j.zeros(DataType.DOUBLE, batch, 4);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, (i * 3 + 1) % 4, 1);
        }
        DataSet data = new DataSet(Nd4j.rand(DataType.DOUBLE, batch, 4).subi(0.5), y);
        assertThat(NumericalGradientCheck.failures(net, data)).isEmpty();
    }

    @Test
    void fitBeforeAnyOutputAndEvaluationAtAnotherBatchSizeWork() {
        // DL4J issues #7785 (custom output layer fitted before any output call) and #7844 (test batch ≠ train batch)
        var conf = new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(1e-2)).graphBuilder()
                .addInputs("in").setInputTypes(InputType.feedForward(4))
                .addLayer("out", new ExpCosineMarginLoss(4, 3, 8.0, 0.35), "in").setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        INDArray x = Nd4j.create(new float[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
        INDArray y = Nd4j.create(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}});
        double before = net.score(new DataSet(x, y));
        for (int i = 0; i < 50; i++) {
            net.fit(new DataSet(x, y));
        }
        assertThat(net.score(new DataSet(x, y))).isLessThan(before);
        assertThat(net.outputSingle(x.getRows(0, 1, 2)).argMax(1).toIntVector()).containsExactly(0, 1, 2);
    }

    @Test
    void impossibleSettingsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new ExpCosineMarginLoss(4, 3, 0, 0.3)).hasMessageContaining("scale s");
        assertThatThrownBy(() -> new ExpCosineMarginLoss(4, 3, 8, -0.1)).hasMessageContaining("margin m");
    }
}
