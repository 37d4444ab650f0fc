package io.github.mbaseresnet.eval;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.List;

/**
 * Mean, sample standard deviation and a two-sided 95% Student-t interval of a list of accuracies.
 *
 * @param n                 number of values
 * @param mean              arithmetic mean
 * @param standardDeviation sample standard deviation (n − 1); 0 for a single value
 * @param ciHalfWidth       half-width of the 95% interval of the mean; NaN for a single value
 */
public record Statistics(int n, double mean, double standardDeviation, double ciHalfWidth) {

    public static Statistics of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (n == 1) {
            return new Statistics(1, mean, 0, Double.NaN);
        }
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Statistics(n, mean, sd, t * sd / Math.sqrt(n));
    }

    public double standardError() {
        return n < 2 ? Double.NaN : standardDeviation / Math.sqrt(n);
    }
}
