package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.report.AtomicFiles;
import io.github.mbaseresnet.report.EnvironmentInfo;

import java.nio.file.Path;
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
    private final Path resultsDir;
    private final Path allureDir;

    SummaryTable(Path resultsDir, Path allureDir) {
        this.resultsDir = resultsDir;
        this.allureDir = allureDir;
    }

    synchronized void add(Row row) {
        rows.add(row);
    }

    synchronized String render() {
        List<String> header = List.of("table", "row", "dataset", "expected", "measured", "tolerance", "verdict");
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        rows.forEach(r -> cells.add(List.of(r.table(), r.row(), r.dataset(), r.expected(), r.measured(),
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

    @Override
    public void close() {
        if (rows.isEmpty()) {
            return;
        }
        String table = render();
        System.out.println("\n=== MBA-SE-ResNet reproduction summary ===\n" + table);
        AtomicFiles.write(resultsDir.resolve("summary.md"), "# Reproduction summary\n\n" + table);
        Map<String, String> env = EnvironmentInfo.collect();
        AtomicFiles.write(allureDir.resolve("environment.properties"), env.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        AtomicFiles.write(allureDir.resolve("categories.json"), CATEGORIES);
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
