package io.github.mbaseresnet.eval;

import io.github.mbaseresnet.data.ClassSet;

import java.util.Arrays;

/** Counts of (true class, predicted class); rows are true classes as in the paper's Table 4. */
public record ConfusionMatrix(ClassSet classes, long[][] counts) {

    public ConfusionMatrix {
        if (counts.length != classes.size()) {
            throw new IllegalArgumentException("confusion matrix needs " + classes.size() + " rows");
        }
        counts = Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
    }

    public static ConfusionMatrix empty(ClassSet classes) {
        return new ConfusionMatrix(classes, new long[classes.size()][classes.size()]);
    }

    public ConfusionMatrix plus(int actual, int predicted) {
        long[][] c = copy();
        c[actual][predicted]++;
        return new ConfusionMatrix(classes, c);
    }

    public ConfusionMatrix plus(ConfusionMatrix other) {
        long[][] c = copy();
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                c[i][j] += other.counts[i][j];
            }
        }
        return new ConfusionMatrix(classes, c);
    }

    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    public long correct() {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i][i];
        }
        return sum;
    }

    /** Share of correct predictions in percent; NaN for an empty matrix. */
    public double accuracyPercent() {
        return total() == 0 ? Double.NaN : 100.0 * correct() / total();
    }

    /** Row-normalised percentages (each true class sums to 100), the form of the paper's Table 4. */
    public double[][] rowPercent() {
        double[][] p = new double[counts.length][counts.length];
        for (int i = 0; i < counts.length; i++) {
            long row = Arrays.stream(counts[i]).sum();
            for (int j = 0; j < counts.length; j++) {
                p[i][j] = row == 0 ? Double.NaN : 100.0 * counts[i][j] / row;
            }
        }
        return p;
    }

    /** Plain-text table of counts and row percentages, for reports and attachments. */
    public String toText() {
        StringBuilder sb = new StringBuilder(String.format("%-10s", "true\\pred"));
        classes.codes().forEach(c -> sb.append(String.format("%14s", c)));
        sb.append('\n');
        double[][] p = rowPercent();
        for (int i = 0; i < counts.length; i++) {
            sb.append(String.format("%-10s", classes.codes().get(i)));
            for (int j = 0; j < counts.length; j++) {
                sb.append(String.format("%6d (%5.1f%%)", counts[i][j], p[i][j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** CSV with a header row of predicted classes and one row of counts per true class. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("true\\predicted," + String.join(",", classes.codes()) + "\n");
        for (int i = 0; i < counts.length; i++) {
            sb.append(classes.codes().get(i));
            for (long v : counts[i]) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private long[][] copy() {
        return Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && classes.equals(m.classes) && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return 31 * classes.hashCode() + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return toText();
    }
}
