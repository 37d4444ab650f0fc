package io.github.mbaseresnet.support;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * Central-difference gradient check over {@code paramTable()} by parameter name. DL4J's own GradientCheckUtil labels
 * parameters by paramTable order while the flat vector is topological, so on branching graphs it checks (and
 * excludes) the wrong ranges (DL4J-M2.1.md, "GradientCheckUtil trap"). Needs a DOUBLE network.
 */
public final class NumericalGradientCheck {
    /** Batch-norm running statistics are updated by the layer, not by gradient descent. */
    private static final Set<String> NOT_TRAINED = Set.of("mean", "var", "log10stdev");
    private static final double EPS = 1e-6;
    private static final double MAX_RELATIVE_ERROR = 1e-3;
    private static final double MIN_ABSOLUTE_ERROR = 1e-8;
    /** Elements checked per parameter array (evenly spaced, always including the first and last) to bound time. */
    private static final int MAX_ELEMENTS_PER_PARAMETER = 24;

    private NumericalGradientCheck() {
    }

    /** The parameters (as {@code name[index]: analytic vs numeric}) whose gradient is wrong; empty when all pass. */
    public static List<String> failures(ComputationGraph net, DataSet data) {
        if (net.params().dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("gradient checks need a DOUBLE network");
        }
        net.setInput(0, data.getFeatures());
        net.setLabel(0, data.getLabels());
        net.computeGradientAndScore();
        Gradient gradient = net.gradient();
        Map<String, INDArray> analytic = gradient.gradientForVariable();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, INDArray> entry : net.paramTable().entrySet()) {
            String name = entry.getKey();
            if (NOT_TRAINED.contains(name.substring(name.lastIndexOf('_') + 1))) {
                continue;
            }
            INDArray param = entry.getValue();
            // DL4J's gradient is the SUM over the mini-batch (the updater divides by N); the score is the mean.
            // Same ordering as the parameter so that linear indices name the same element (Dense W is 'f').
            INDArray grad = analytic.get(name).dup(param.ordering()).divi(data.numExamples());
            for (long i : sampledIndices(param.length())) {
                double original = param.getDouble(i);
                param.putScalar(i, original + EPS);
                double plus = net.score(data, true);
                param.putScalar(i, original - EPS);
                double minus = net.score(data, true);
                param.putScalar(i, original);
                double numeric = (plus - minus) / (2 * EPS);
                double a = grad.getDouble(i);
                double absError = Math.abs(a - numeric);
                double relError = absError / Math.max(Math.abs(a), Math.abs(numeric));
                if (absError > MIN_ABSOLUTE_ERROR && relError > MAX_RELATIVE_ERROR) {
                    failures.add(String.format("%s[%d]: analytic %.8g vs numeric %.8g", name, i, a, numeric));
                }
            }
        }
        return failures;
    }

    private static long[] sampledIndices(long n) {
        return n <= MAX_ELEMENTS_PER_PARAMETER ? LongStream.range(0, n).toArray()
                : LongStream.range(0, MAX_ELEMENTS_PER_PARAMETER)
                        .map(k -> k * (n - 1) / (MAX_ELEMENTS_PER_PARAMETER - 1)).toArray();
    }

    /** Number of trainable parameters, to assert that a check covers the layers it should. */
    public static long trainableParameters(ComputationGraph net) {
        return net.paramTable().entrySet().stream()
                .filter(e -> !NOT_TRAINED.contains(e.getKey().substring(e.getKey().lastIndexOf('_') + 1)))
                .mapToLong(e -> e.getValue().length()).sum();
    }
}
