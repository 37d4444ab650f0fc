package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.experiment.PaperConsistency;
import io.github.mbaseresnet.report.AtomicFiles;
import io.github.mbaseresnet.report.EnvironmentInfo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Collects one row per reproduction test and, when the test run ends, prints the summary table (table / row /
 * dataset / expected / measured / tolerance / verdict), writes it as markdown next to the run records, and writes
 * Allure's environment.properties and categories.json. Lives in the root extension store, so it spans all test
 * classes of one run.
 */
final class SummaryTable implements AutoCloseable {
    record Row(String table, String row, String dataset, String expected, String measured, String tolerance,
            String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, String> datasets = new java.util.TreeMap<>();
    private final Path resultsDir;
    private final Path allureDir;

    SummaryTable(Path resultsDir, Path allureDir) {
        this.resultsDir = resultsDir;
        this.allureDir = allureDir;
    }

    synchronized void add(Row row) {
        rows.add(row);
    }

    /** Records the manifest hash of a dataset copy this run measured (environment.properties, the report). */
    synchronized void dataset(String key, String manifestSha256) {
        datasets.put("dataset." + key + ".manifest_sha256", manifestSha256);
    }

    synchronized String render() {
        List<String> header = List.of("table", "row", "dataset", "expected", "measured", "tolerance", "verdict");
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        // grouped by table (stable: rows keep their order inside a table), so the report reads like the paper
        rows.stream().sorted(java.util.Comparator.comparing(Row::table, SummaryTable::tableOrder))
                .forEach(r -> cells.add(List.of(r.table(), r.row(), r.dataset(), r.expected(), r.measured(),
                        r.tolerance(), r.verdict())));
        int[] widths = new int[header.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < cells.size(); n++) {
            List<String> line = cells.get(n);
            sb.append("| ");
            for (int i = 0; i < widths.length; i++) {
                sb.append(String.format(Locale.ROOT, "%-" + widths[i] + "s | ", line.get(i)));
            }
            sb.setLength(sb.length() - 1);
            sb.append('\n');
            if (n == 0) {
                sb.append('|');
                for (int w : widths) {
                    sb.append("-".repeat(w + 2)).append('|');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** "Table 2" before "Table 10"; the embedded dataset's check first. */
    private static int tableOrder(String a, String b) {
        return Integer.compare(tableNumber(a), tableNumber(b)) != 0 ? Integer.compare(tableNumber(a), tableNumber(b))
                : a.compareTo(b);
    }

    private static int tableNumber(String table) {
        return table.matches("Table \\d+") ? Integer.parseInt(table.substring(6)) : 0;
    }

    @Override
    public void close() {
        if (rows.isEmpty()) {
            return;
        }
        String table = render();
        System.out.println("\n=== MBA-SE-ResNet reproduction summary ===\n" + table);
        AtomicFiles.write(resultsDir.resolve("summary.md"), "# Reproduction summary\n\n" + table);
        Map<String, String> env = new java.util.LinkedHashMap<>(EnvironmentInfo.collect());
        env.putAll(datasets);
        AtomicFiles.write(resultsDir.resolve("reproducibility-report.md"), report(table, env));
        AtomicFiles.write(allureDir.resolve("environment.properties"), env.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        AtomicFiles.write(allureDir.resolve("categories.json"), CATEGORIES);
    }

    /**
     * The publishable report: what ran where, paper vs measured per cell, the paper's own inconsistencies, and
     * where the figures and run records are.
     */
    private String report(String table, Map<String, String> env) {
        HarnessSettings settings = HarnessSettings.fromEnvironment();
        StringBuilder sb = new StringBuilder("# MBA-SE-ResNet reproducibility report\n\n");
        sb.append(String.format(Locale.ROOT, "Generated %s by commit `%s`, protocol `%s`, seed %d.%n%n",
                Instant.now(), env.get("git.commit"), settings.protocol().name(), settings.seed()));
        sb.append("## Paper vs measured\n\nMeasured = mean over folds (one run) or over runs, ± its standard "
                + "deviation; a cell passes when the paper's value lies within the tolerance of the mean. Tolerance "
                + "policies and provenance: `expected-results/`.\n\n").append(table);
        sb.append("\n## Inconsistencies inside the paper (PAPER.md §6)\n\n");
        PaperConsistency.check(Path.of("expected-results")).findings().stream().filter(f -> !f.consistent())
                .forEach(f -> sb.append("- ").append(f.statement()).append('\n'));
        sb.append("\n## Environment\n\n| key | value |\n|---|---|\n");
        env.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        sb.append("\n## Files\n\nRun records and confusion-matrix figures: `<table>/<dataset>-<row>.json` and "
                + "`-confusion.png` next to this report; accuracy per epoch: `figures/`; whether alignment worked "
                + "(aligned faces per class, landmarks on a few originals): `figures/<dataset>-contact-sheet.png`; "
                + "the ledger: `"
                + settings.ledgerFile() + "`.\n");
        return sb.toString();
    }

    /** Allure categories: a reproduction off the paper's number is not the same thing as a broken harness. */
    private static final String CATEGORIES = """
            [
              {"name": "Out of tolerance", "matchedStatuses": ["failed"], "messageRegex": ".*OUT_OF_TOLERANCE.*"},
              {"name": "Claim failed", "matchedStatuses": ["failed"], "messageRegex": ".*CLAIM_FAILED.*"},
              {"name": "Dataset not configured", "matchedStatuses": ["skipped"]},
              {"name": "Broken harness", "matchedStatuses": ["broken"]}
            ]
            """;
}
