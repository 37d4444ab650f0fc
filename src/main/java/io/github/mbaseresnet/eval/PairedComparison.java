package io.github.mbaseresnet.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Paired differences between two methods measured on the same folds with the same seeds (an ablation): one
 * difference per (run, fold), so the split's and the seeds' variation cancels and only the method's effect remains.
 * Refuses pairs whose folds were not the same (different test subjects), since their difference would mean nothing.
 *
 * @param differences better − worse, in percentage points, one per matched fold
 * @param statistics  mean, sd and 95% Student-t interval of the differences
 */
public record PairedComparison(List<Double> differences, Statistics statistics) {

    /** One fold's accuracy and identity, as both sides of a comparison report it. */
    public record Fold(int run, int fold, Object testSubjects, double accuracyPercent) {
    }

    public PairedComparison {
        differences = List.copyOf(differences);
    }

    public static PairedComparison of(List<Fold> better, List<Fold> worse) {
        if (better.size() != worse.size() || better.isEmpty()) {
            throw new IllegalArgumentException("a paired comparison needs the same, non-empty set of folds on both "
                    + "sides, got " + better.size() + " and " + worse.size());
        }
        Map<String, Fold> byKey = new java.util.HashMap<>();
        worse.forEach(f -> byKey.put(f.run() + "/" + f.fold(), f));
        List<Double> diffs = new ArrayList<>();
        for (Fold b : better) {
            Fold w = byKey.get(b.run() + "/" + b.fold());
            if (w == null || !Objects.equals(w.testSubjects(), b.testSubjects())) {
                throw new IllegalArgumentException("run " + (b.run() + 1) + " fold " + (b.fold() + 1)
                        + " was not tested on the same subjects by both methods: not a paired comparison");
            }
            diffs.add(b.accuracyPercent() - w.accuracyPercent());
        }
        return new PairedComparison(diffs, Statistics.of(diffs));
    }

    /** Lower end of the 95% interval of the mean difference (the mean itself for a single pair). */
    public double lowerBound() {
        return statistics.n() < 2 ? statistics.mean() : statistics.mean() - statistics.ciHalfWidth();
    }

    public double upperBound() {
        return statistics.n() < 2 ? statistics.mean() : statistics.mean() + statistics.ciHalfWidth();
    }
}
