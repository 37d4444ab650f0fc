package io.github.mbaseresnet.report;

import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.eval.PairedComparison;
import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.Claim;
import io.github.mbaseresnet.experiment.ConfusionCheck;
import io.github.mbaseresnet.experiment.ExpectedCell;
import io.github.mbaseresnet.experiment.ExpectedResults;
import io.github.mbaseresnet.experiment.ExperimentGrid;
import io.github.mbaseresnet.experiment.PaperConsistency;
import io.github.mbaseresnet.experiment.Shard;
import io.github.mbaseresnet.experiment.Verdict;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The summary table, the reproducibility report and the figures of a run, as a function of its run records, the
 * expected results and the ledger only (issue 7: {@code fer report} re-renders them without retraining; the tests and
 * {@code fer merge} call the same code). A cell is judged from the record of its configuration (dataset, variant,
 * loss), which several tables share; a cell without a record is "NOT MEASURED", and a shard's partial record is
 * "partial (shard i/n)", never a result.
 */
public final class ReproductionReport {
    /** One line of the summary table. */
    public record Row(String table, String row, String dataset, String expected, String measured, String tolerance,
            String verdict) {
    }

    /**
     * What a report is rendered from.
     *
     * @param records  the run's records (one or more per configuration; duplicates must agree)
     * @param protocol the protocol they ran under (cells are chosen by it)
     * @param shard    the shard that wrote them (1/1 for a whole or merged run)
     * @param ledger   the ledger the run appended to (the report says how far each cell moved in it)
     * @param planned  the configurations of a shard's grid (a missing record of one is partial, not unmeasured)
     */
    public record Inputs(List<CellReport> records, String protocol, Shard shard, Ledger ledger,
            java.util.Set<String> planned) {
        public Inputs {
            records = List.copyOf(records);
            planned = java.util.Set.copyOf(planned);
        }

        /** A whole (unsharded or merged) run. */
        public Inputs(List<CellReport> records, String protocol, Ledger ledger) {
            this(records, protocol, Shard.WHOLE, ledger, java.util.Set.of());
        }

        String missing(ExperimentGrid.Configuration c) {
            return planned.contains(c.key()) ? "partial (shard " + shard + ")" : notMeasured(c.dataset());
        }
    }

    private final Path expectedDir;
    private final List<ExpectedResults> tables;

    public ReproductionReport(Path expectedDir) {
        this.expectedDir = expectedDir;
        this.tables = ExpectedResults.loadTables(expectedDir);
    }

    /** One row per reproduced cell, claim and confusion matrix of every table, in the paper's order. */
    public List<Row> rows(Inputs in) {
        Map<String, CellReport> byConfiguration = byConfiguration(in.records());
        String partial = "partial (shard " + in.shard() + ")";
        List<Row> rows = new ArrayList<>();
        for (ExpectedResults e : tables) {
            if (ConfusionCheck.isConfusionTable(e)) {
                e.cells().stream().map(c -> dataset(c.dataset())).distinct().forEach(d -> rows.add(confusionRow(e,
                        d, byConfiguration.get(ConfusionCheck.configuration(d).key()), partial,
                        in.missing(ConfusionCheck.configuration(d)))));
                continue;
            }
            List<ExpectedCell> cells = e.reproducedCells(in.protocol());
            if (cells.isEmpty()) {
                rows.add(new Row(e.table(), "-", "-", "-", "-", "-", "SKIPPED: no value recorded for protocol "
                        + in.protocol() + " (recorded: " + e.cells().stream().map(ExpectedCell::protocol).distinct()
                        .toList() + ")"));
                continue;
            }
            for (ExpectedCell cell : cells) {
                DatasetId d = dataset(cell.dataset());
                var configuration = new ExperimentGrid.Configuration(d, cell.variant(), cell.loss());
                CellReport r = byConfiguration.get(configuration.key());
                String expected = format(cell.value());
                String tolerance = "±" + format(cell.tolerance());
                if (r == null || r.verdict() == Verdict.PARTIAL) {
                    rows.add(new Row(e.table(), cell.row(), d.displayName(), expected, "-", tolerance,
                            r == null ? in.missing(configuration) : partial));
                } else {
                    rows.add(new Row(e.table(), cell.row(), d.displayName(), expected, measured(r), tolerance,
                            r.judgedAgainst(e.table(), cell).verdict().name()));
                }
            }
            e.claims().forEach(claim -> rows.add(claimRow(e, claim, byConfiguration, partial, in.planned())));
        }
        return rows;
    }

    /** The rows as a fixed-width markdown table. */
    public static String table(List<Row> rows) {
        return MarkdownTable.of(List.of("table", "row", "dataset", "expected", "measured", "tolerance", "verdict"),
                rows.stream().map(r -> List.of(r.table(), r.row(), r.dataset(), r.expected(), r.measured(),
                        r.tolerance(), r.verdict())).toList());
    }

    /**
     * Writes {@code summary.md}, {@code reproducibility-report.md} and the figures (a confusion matrix per measured
     * cell next to its record, accuracy per epoch per dataset in {@code figures/}) into {@code resultsDir}; returns the
     * summary table.
     */
    public String write(Path resultsDir, Inputs in, Instant generated) {
        List<Row> rows = rows(in);
        String table = table(rows);
        String report = report(table, in, generated); // everything read (the ledger too) before anything is written
        AtomicFiles.write(resultsDir.resolve("summary.md"), "# Reproduction summary\n\n" + table);
        AtomicFiles.write(resultsDir.resolve("reproducibility-report.md"), report);
        writeFigures(resultsDir, in);
        return table;
    }

    /** The publishable report: what ran where, paper vs measured, the paper's inconsistencies, the ledger. */
    String report(String table, Inputs in, Instant generated) {
        Map<String, String> env = environment(in.records());
        StringBuilder sb = new StringBuilder("# MBA-SE-ResNet reproducibility report\n\n");
        sb.append(String.format(Locale.ROOT, "Generated %s from %d run record(s) of commit `%s`, protocol `%s`, "
                        + "seed %s%s.%n%n", generated, in.records().size(), env.getOrDefault("git.commit", "-"),
                in.protocol(), in.records().isEmpty() ? "-" : Long.toString(in.records().get(0).seed()),
                in.shard().whole() ? "" : ", shard " + in.shard() + " (partial cells are judged after `fer merge`)"));
        sb.append("## Paper vs measured\n\nMeasured = mean over folds (one run) or over runs, ± its standard "
                + "deviation; a cell passes when the paper's value lies within the tolerance of the mean. Tolerance "
                + "policies and provenance: `expected-results/`.\n\n").append(table);
        sb.append("\n## Inconsistencies inside the paper (PAPER.md §6)\n\n");
        PaperConsistency.check(expectedDir).findings().stream().filter(f -> !f.consistent())
                .forEach(f -> sb.append("- ").append(f.statement()).append('\n'));
        sb.append("\n## Change since the previous ledger entry\n\n");
        movements(in).forEach(line -> sb.append("- ").append(line).append('\n'));
        sb.append("\n## Environment\n\n| key | value |\n|---|---|\n");
        env.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        sb.append("\n## Files\n\nRun records and confusion-matrix figures: `<table>/<dataset>-<row>.json` and "
                + "`-confusion.png` next to this report; accuracy per epoch: `figures/`; whether alignment worked "
                + "(aligned faces per class, landmarks on a few originals): `figures/<dataset>-contact-sheet.png`; "
                + "the ledger: `"
                + in.ledger().file() + "`.\n");
        return sb.toString();
    }

    /** Per measured cell of the ledger: its last entry against the one before (Ledger's noise rule). */
    static List<String> movements(Inputs in) {
        Map<String, List<Ledger.Entry>> byCell = new LinkedHashMap<>();
        in.ledger().read().stream().filter(e -> e.protocol().equals(in.protocol())).forEach(e -> byCell
                .computeIfAbsent(e.table() + " · " + e.dataset() + " · " + e.row(), k -> new ArrayList<>()).add(e));
        List<String> lines = new ArrayList<>();
        byCell.forEach((cell, entries) -> {
            Ledger.Entry now = entries.get(entries.size() - 1);
            if (entries.size() == 1) {
                lines.add(cell + ": " + format(now.mean()) + ", first entry");
                return;
            }
            Ledger.Entry before = entries.get(entries.size() - 2);
            lines.add(String.format(Locale.ROOT, "%s: %s, %+.2f since %s%s", cell, format(now.mean()),
                    now.mean() - before.mean(), before.commit(), Ledger.movedBeyondNoise(before, now)
                            ? " (beyond noise)" : ""));
        });
        if (lines.isEmpty()) {
            lines.add("no ledger entry for protocol " + in.protocol());
        }
        return lines;
    }

    private void writeFigures(Path resultsDir, Inputs in) {
        RunRecords records = new RunRecords(resultsDir);
        Map<String, Map<String, double[]>> curves = new TreeMap<>();
        for (CellReport r : in.records()) {
            if (r.verdict() == Verdict.PARTIAL) {
                continue;
            }
            Path record = records.path(r);
            AtomicFiles.write(record.resolveSibling(record.getFileName().toString().replace(".json",
                    "-confusion.png")), Figures.confusionMatrix(r.measurement().confusion(), r.table() + " · "
                    + dataset(r.dataset()).displayName() + " · " + r.row() + " (% of each true class)"));
            curves.computeIfAbsent(r.dataset(), d -> new LinkedHashMap<>()).put(r.network().variant().paperName()
                    + " + " + r.network().loss().kind().paperName(), r.measurement().meanAccuracyPerEpoch());
        }
        curves.forEach((dataset, byMethod) -> AtomicFiles.write(resultsDir.resolve("figures").resolve(dataset
                + "-accuracy-per-epoch.png"), Figures.accuracyPerEpoch(byMethod, dataset + ": test accuracy per "
                + "epoch (mean over folds), protocol " + in.protocol())));
    }

    private static Row confusionRow(ExpectedResults e, DatasetId d, CellReport r, String partial,
            String missing) {
        String expected = e.cells().size() + " cells";
        String tolerance = "±" + format(e.cells().get(0).tolerance()) + " per cell";
        if (r == null || r.verdict() == Verdict.PARTIAL) {
            return new Row(e.table(), "confusion matrix", d.displayName(), expected, "-", tolerance,
                    r == null ? missing : partial);
        }
        List<String> off = ConfusionCheck.offCells(e, r.measurement().confusion());
        return new Row(e.table(), "confusion matrix", d.displayName(), expected, (e.cells().size() - off.size())
                + " within tolerance", tolerance, off.isEmpty() ? Verdict.PASS.name()
                : Verdict.OUT_OF_TOLERANCE.name());
    }

    private static Row claimRow(ExpectedResults e, Claim claim, Map<String, CellReport> byConfiguration,
            String partial, java.util.Set<String> planned) {
        Map<String, PairedComparison> byDataset = new TreeMap<>();
        List<String> notMeasured = new ArrayList<>();
        boolean anyPartial = false;
        for (DatasetId d : e.cells().stream().map(c -> dataset(c.dataset())).distinct().toList()) {
            String betterKey = new ExperimentGrid.Configuration(d, claim.better().variant(), claim.better().loss())
                    .key();
            String worseKey = new ExperimentGrid.Configuration(d, claim.worse().variant(), claim.worse().loss())
                    .key();
            Optional<CellReport> better = Optional.ofNullable(byConfiguration.get(betterKey));
            Optional<CellReport> worse = Optional.ofNullable(byConfiguration.get(worseKey));
            if ((better.isEmpty() && planned.contains(betterKey)) || (worse.isEmpty() && planned.contains(worseKey))) {
                anyPartial = true;
            } else if (better.isEmpty() || worse.isEmpty()) {
                notMeasured.add(d.displayName());
            } else if (better.get().verdict() == Verdict.PARTIAL || worse.get().verdict() == Verdict.PARTIAL) {
                anyPartial = true;
            } else {
                byDataset.put(d.displayName(), PairedComparison.of(better.get().measurement().pairedFolds(),
                        worse.get().measurement().pairedFolds()));
            }
        }
        String expectation = claim.kind().equals("every") ? "gain > 0 on each"
                : format(claim.value()) + " ± " + format(claim.tolerance());
        String row = "claim: " + claim.id();
        if (anyPartial) {
            return new Row(e.table(), row, "-", expectation, "-", "-", partial);
        }
        if (byDataset.isEmpty()) {
            return new Row(e.table(), row, String.join(", ", notMeasured), expectation, "-", "-",
                    "SKIPPED: no dataset measured");
        }
        Claim.Verdict verdict = claim.judge(byDataset);
        return new Row(e.table(), row, String.join(", ", byDataset.keySet()), expectation, verdict.explanation(),
                "-", verdict.supported() ? "SUPPORTED" : "CLAIM_FAILED");
    }

    /** The record of each configuration; two records of one configuration must hold the same measurement. */
    static Map<String, CellReport> byConfiguration(List<CellReport> records) {
        Map<String, CellReport> out = new LinkedHashMap<>();
        for (CellReport r : records) {
            CellReport other = out.putIfAbsent(r.configuration(), r);
            if (other != null && !other.measurement().equals(r.measurement())) {
                throw new IllegalArgumentException("the run records of " + other.table() + " · " + other.row()
                        + " and " + r.table() + " · " + r.row() + " measure the same configuration ("
                        + r.configuration() + ") but hold different folds: records of two runs are mixed in one "
                        + "results folder");
            }
        }
        return out;
    }

    /** The first record's environment, with every measured dataset's manifest hash. */
    private static Map<String, String> environment(List<CellReport> records) {
        Map<String, String> env = new LinkedHashMap<>(records.isEmpty() ? Map.of() : records.get(0).environment());
        new TreeMap<>(records.stream().collect(java.util.stream.Collectors.toMap(CellReport::dataset,
                CellReport::manifestSha256, (a, b) -> a))).forEach((d, sha) -> env.put("dataset." + d
                + ".manifest_sha256", sha));
        return env;
    }

    /** The summary's "measured": mean ± standard deviation (over runs, or over folds with one run). */
    public static String measured(CellReport r) {
        var stats = r.statistics();
        return format(stats.mean()) + (stats.n() > 1 ? " ± " + format(stats.standardDeviation()) : "");
    }

    private static String notMeasured(DatasetId d) {
        return "NOT MEASURED: no run record" + (d == DatasetId.SYNTHETIC ? "" : " (needs " + d.property() + ")");
    }

    private static DatasetId dataset(String key) {
        return DatasetId.fromKey(key).orElseThrow(() -> new IllegalArgumentException("unknown dataset '" + key
                + "'"));
    }

    public static String format(Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
