package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.eval.ConfusionMatrix;
import io.github.mbaseresnet.eval.Statistics;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Everything measured for one table cell: every fold of every run. A run's accuracy is the mean of its folds'
 * accuracies (subject-independent cross-validation); the cell's value is the mean over runs (PAPER.md §4: "average of
 * 10 runs").
 *
 * @param foldsPerRun folds the split has (some may not be trained under a fold limit)
 */
public record CellMeasurement(List<FoldResult> folds, int runs, int foldsPerRun) {

    public CellMeasurement {
        folds = List.copyOf(folds);
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("a cell needs at least one fold result");
        }
    }

    /** Each run's mean over its folds; a shard's partial measurement (issue 8) skips the runs it has no fold of. */
    public List<Double> runAccuracies() {
        return IntStream.range(0, runs).mapToObj(r -> folds.stream().filter(f -> f.run() == r)
                .mapToDouble(FoldResult::accuracyPercent).average()).filter(java.util.OptionalDouble::isPresent)
                .map(java.util.OptionalDouble::getAsDouble).toList();
    }

    /** Statistics over runs, or over folds when there is a single run. */
    public Statistics statistics() {
        return runs > 1 ? Statistics.of(runAccuracies())
                : Statistics.of(folds.stream().map(FoldResult::accuracyPercent).toList());
    }

    public double meanAccuracy() {
        return runAccuracies().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Confusion matrix summed over every fold and run. */
    public ConfusionMatrix confusion() {
        return folds.stream().map(f -> f.outcome().confusion()).reduce(ConfusionMatrix::plus).orElseThrow();
    }

    /** Every fold as one side of a paired comparison (run, fold, test subjects, accuracy). */
    public List<io.github.mbaseresnet.eval.PairedComparison.Fold> pairedFolds() {
        return folds.stream().map(f -> new io.github.mbaseresnet.eval.PairedComparison.Fold(f.run(), f.fold(),
                new java.util.TreeSet<>(f.testSubjects()), f.accuracyPercent())).toList();
    }

    /** Test accuracy after each epoch, averaged over every trained fold and run (the paper's Figure 9). */
    public double[] meanAccuracyPerEpoch() {
        int epochs = folds.stream().mapToInt(f -> f.outcome().epochs().size()).min().orElse(0);
        double[] mean = new double[epochs];
        for (FoldResult f : folds) {
            for (int e = 0; e < epochs; e++) {
                mean[e] += f.outcome().epochs().get(e).testAccuracy() / folds.size();
            }
        }
        return mean;
    }

    public int foldsTrained() {
        return (int) folds.stream().filter(f -> f.run() == 0).count();
    }

    /** One line per fold: run, fold, test subjects, images, accuracy, seconds. */
    public String foldsCsv() {
        StringBuilder sb = new StringBuilder("run,fold,test_subjects,train_images,test_images,accuracy,seconds,"
                + "network_seed,data_seed\n");
        for (FoldResult f : folds) {
            sb.append(String.format(java.util.Locale.ROOT, "%d,%d,%s,%d,%d,%.4f,%.1f,%d,%d%n", f.run(), f.fold(),
                    String.join(" ", new java.util.TreeSet<>(f.testSubjects())), f.trainImages(),
                    f.outcome().confusion().total(), f.accuracyPercent(), f.outcome().seconds(), f.networkSeed(),
                    f.dataSeed()));
        }
        return sb.toString();
    }
}
