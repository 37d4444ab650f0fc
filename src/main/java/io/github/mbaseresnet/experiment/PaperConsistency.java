package io.github.mbaseresnet.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks the paper's numbers against the paper's own arithmetic (PAPER.md §6): a value printed in two tables must
 * agree, Table 4's rows must sum to 100 and its diagonal mean should match Table 2, and Table 5's claim (the proposed
 * net beats SE-ResNet on every dataset) must hold against every table that prints the proposed net. Findings are
 * reported, not hidden; {@code expected-results/known-inconsistencies.yaml} lists the ones already known.
 *
 * @param findings every check made, consistent or not, in a stable order
 */
public record PaperConsistency(List<Finding> findings) {
    /** Printed values closer than this are the same number (the paper prints two decimals). */
    private static final double SAME = 0.005;
    private static final String PROPOSED = "MBA-SE-ResNet";

    /** One check: a stable id, what was compared, and whether the paper agrees with itself. */
    public record Finding(String id, String statement, boolean consistent) {
    }

    public static PaperConsistency check(Path expectedResultsDir) {
        Map<String, ExpectedResults> tables = new TreeMap<>();
        for (String file : List.of("table1-ckplus-oulu-mmi.yaml", "table2-jaffe.yaml", "table3-bu3dfe-bp4dplus.yaml",
                "table4-jaffe-confusion.yaml", "table5-se-resnet-ablation.yaml", "table6-softmax-ablation.yaml")) {
            ExpectedResults t = ExpectedResults.load(expectedResultsDir.resolve(file));
            tables.put(t.table(), t);
        }
        List<Finding> findings = new ArrayList<>();
        proposedNetAgreesAcrossTables(tables, findings);
        table4RowsAndDiagonal(tables, findings);
        seResNetBelowTheProposedNet(tables, findings);
        return new PaperConsistency(findings);
    }

    public Set<String> inconsistentIds() {
        Set<String> ids = new TreeSet<>();
        findings.stream().filter(f -> !f.consistent()).forEach(f -> ids.add(f.id()));
        return ids;
    }

    /** The proposed net's value on a dataset is the same wherever it is printed (Tables 1, 2, 3, 5, 6). */
    private static void proposedNetAgreesAcrossTables(Map<String, ExpectedResults> tables, List<Finding> out) {
        Map<String, Map<String, Double>> byDataset = new TreeMap<>();
        tables.values().forEach(t -> t.cells().stream().filter(c -> c.row().equals(PROPOSED))
                .forEach(c -> byDataset.computeIfAbsent(c.dataset(), d -> new TreeMap<>()).put(t.table(), c.value())));
        byDataset.forEach((dataset, values) -> {
            double min = values.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            out.add(new Finding("proposed-net-" + dataset + "-same-in-every-table",
                    PROPOSED + " on " + dataset + " by table: " + values, max - min < SAME));
        });
    }

    private static void table4RowsAndDiagonal(Map<String, ExpectedResults> tables, List<Finding> out) {
        Map<String, Map<String, Double>> rows = new TreeMap<>();
        for (ExpectedCell c : tables.get("Table 4").cells()) {
            String[] pair = c.row().split("->");
            rows.computeIfAbsent(pair[0], k -> new TreeMap<>()).put(pair[1], c.value());
        }
        double diagonal = 0;
        for (var row : rows.entrySet()) {
            double sum = row.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
            out.add(new Finding("table4-row-" + row.getKey() + "-sums-to-100",
                    String.format(Locale.ROOT, "Table 4 row %s sums to %.1f", row.getKey(), sum),
                    Math.abs(sum - 100) < SAME));
            diagonal += row.getValue().get(row.getKey());
        }
        diagonal /= rows.size();
        double table2 = tables.get("Table 2").cells().stream().filter(c -> c.row().equals(PROPOSED)).findFirst()
                .orElseThrow().value();
        out.add(new Finding("table4-diagonal-mean-equals-table2", String.format(Locale.ROOT,
                "Table 4's diagonal mean %.2f vs Table 2's %.2f", diagonal, table2), Math.abs(diagonal - table2) < SAME));
    }

    /** Table 5's claim, checked against every table that prints the proposed net on the same dataset. */
    private static void seResNetBelowTheProposedNet(Map<String, ExpectedResults> tables, List<Finding> out) {
        for (ExpectedCell se : tables.get("Table 5").cells()) {
            if (!se.row().equals("SE-ResNet")) {
                continue;
            }
            tables.values().forEach(t -> t.cells().stream()
                    .filter(c -> c.row().equals(PROPOSED) && c.dataset().equals(se.dataset()))
                    .forEach(c -> out.add(new Finding("se-resnet-below-proposed-net-" + se.dataset() + "-"
                            + t.table().toLowerCase(Locale.ROOT).replace(' ', '-'), String.format(Locale.ROOT,
                            "SE-ResNet %.2f (Table 5) vs %s %.2f (%s) on %s", se.value(), PROPOSED, c.value(),
                            t.table(), se.dataset()), se.value() < c.value()))));
        }
    }
}
