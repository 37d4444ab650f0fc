package io.github.mbaseresnet.report;

import io.github.mbaseresnet.eval.PairedComparison;
import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.Verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two runs cell by cell, for ablation-regression tracking ({@code fer report compare RUN_A RUN_B}, issue 7): each
 * cell's mean in A and in B, the difference B − A and whether it is beyond noise. When both runs tested the same
 * folds (same runs, folds and test subjects) with the same seed, the test is paired ({@link PairedComparison}: beyond
 * noise when the 95% interval of the per-fold differences excludes 0); otherwise it is the ledger's rule
 * ({@link Ledger#movedBeyondNoise}: the means differ by more than twice the combined standard error). A regression is
 * a drop beyond noise.
 */
public record RunComparison(List<Line> lines) {

    /** One cell in both runs (or in one of them: the other mean is NaN and the test says which). */
    public record Line(String cell, double meanA, double meanB, String test, boolean beyondNoise) {
        public boolean regression() {
            return beyondNoise && meanB < meanA;
        }

        String verdict() {
            if (Double.isNaN(meanA) || Double.isNaN(meanB)) {
                return "not compared";
            }
            return !beyondNoise ? "within noise" : regression() ? "REGRESSION beyond noise" : "improvement beyond noise";
        }
    }

    public RunComparison {
        lines = List.copyOf(lines);
    }

    /** Compares the complete (non-partial) records of A and B by table · dataset · row. */
    public static RunComparison of(List<CellReport> a, List<CellReport> b) {
        Map<String, CellReport> inA = byCell(a);
        Map<String, CellReport> inB = byCell(b);
        Map<String, Line> lines = new TreeMap<>();
        inA.forEach((cell, ra) -> {
            CellReport rb = inB.get(cell);
            lines.put(cell, rb == null ? new Line(cell, ra.measuredMean(), Double.NaN, "only in A", false)
                    : compare(cell, ra, rb));
        });
        inB.forEach((cell, rb) -> lines.putIfAbsent(cell, new Line(cell, Double.NaN, rb.measuredMean(), "only in B",
                false)));
        return new RunComparison(new ArrayList<>(lines.values()));
    }

    private static Line compare(String cell, CellReport a, CellReport b) {
        if (a.seed() == b.seed() && folds(a).equals(folds(b)) && a.measurement().folds().size() > 1) {
            PairedComparison paired = PairedComparison.of(b.measurement().pairedFolds(),
                    a.measurement().pairedFolds());
            return new Line(cell, a.measuredMean(), b.measuredMean(), String.format(Locale.ROOT,
                    "paired over %d folds, 95%% CI [%+.2f, %+.2f]", paired.statistics().n(), paired.lowerBound(),
                    paired.upperBound()), paired.lowerBound() > 0 || paired.upperBound() < 0);
        }
        Instant t = Instant.EPOCH;
        return new Line(cell, a.measuredMean(), b.measuredMean(), "unpaired, difference > 2 × combined SE",
                Ledger.movedBeyondNoise(Ledger.Entry.of(a, t), Ledger.Entry.of(b, t)));
    }

    /** (run, fold) → test subjects: two runs are paired when these are equal. */
    private static Map<String, Object> folds(CellReport r) {
        Map<String, Object> out = new TreeMap<>();
        r.measurement().pairedFolds().forEach(f -> out.put(f.run() + "/" + f.fold(), f.testSubjects()));
        return out;
    }

    private static Map<String, CellReport> byCell(List<CellReport> records) {
        Map<String, CellReport> out = new LinkedHashMap<>();
        records.stream().filter(r -> r.verdict() != Verdict.PARTIAL).forEach(r -> out.put(r.table() + " · "
                + r.dataset() + " · " + r.row(), r));
        return out;
    }

    public boolean regression() {
        return lines.stream().anyMatch(Line::regression);
    }

    public String render() {
        return MarkdownTable.of(List.of("cell", "A", "B", "B − A", "noise test", "verdict"), lines.stream()
                .map(l -> List.of(l.cell(), ReproductionReport.format(l.meanA()), ReproductionReport.format(
                        l.meanB()), Double.isNaN(l.meanA() - l.meanB()) ? "-" : String.format(Locale.ROOT, "%+.2f",
                        l.meanB() - l.meanA()), l.test(), l.verdict())).toList());
    }
}
