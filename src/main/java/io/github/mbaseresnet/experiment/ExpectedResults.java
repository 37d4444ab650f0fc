package io.github.mbaseresnet.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One file of {@code expected-results/}: a paper table (source {@code paper}) or the embedded dataset's recorded
 * calibration (source {@code calibration}, with the command, seed and commit that produced it). Tests and reports
 * read the numbers from here only.
 */
public record ExpectedResults(String table, String title, String source, String tolerancePolicy,
        Map<String, String> calibration, List<ExpectedCell> cells, List<Claim> claims) {

    public ExpectedResults(@JsonProperty("table") String table, @JsonProperty("title") String title,
            @JsonProperty("source") String source, @JsonProperty("tolerance_policy") String tolerancePolicy,
            @JsonProperty("calibration") Map<String, String> calibration,
            @JsonProperty("cells") List<ExpectedCell> cells, @JsonProperty("claims") List<Claim> claims) {
        if (!"paper".equals(source) && !"calibration".equals(source)) {
            throw new IllegalArgumentException("source must be 'paper' or 'calibration', got " + source);
        }
        if ("calibration".equals(source) && (calibration == null || !calibration.keySet()
                .containsAll(List.of("command", "seed", "commit")))) {
            throw new IllegalArgumentException("a calibration needs its command, seed and commit");
        }
        if (calibration != null && calibration.values().stream().anyMatch(v -> v == null || v.isBlank()
                || v.contains("TO BE RECORDED"))) {
            throw new IllegalArgumentException("the calibration's command, seed and commit must be recorded, not "
                    + "left blank or 'TO BE RECORDED'");
        }
        if (tolerancePolicy == null || cells == null || cells.isEmpty()) {
            throw new IllegalArgumentException("tolerance_policy and at least one cell are required");
        }
        this.table = table;
        this.title = title;
        this.source = source;
        this.tolerancePolicy = tolerancePolicy;
        this.calibration = calibration == null ? Map.of() : Map.copyOf(calibration);
        this.cells = List.copyOf(cells);
        this.claims = claims == null ? List.of() : List.copyOf(claims);
    }

    public static ExpectedResults load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            return yaml.readValue(Files.readString(file), ExpectedResults.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(file + ": not a valid expected-results file: " + e.getMessage(), e);
        }
    }

    /**
     * Every table file of {@code dir} ({@code *.yaml} but the paper's {@code known-inconsistencies.yaml}), in the
     * paper's order: the embedded dataset's check first, then Table 1, 2, …
     */
    public static List<ExpectedResults> loadTables(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("known-inconsistencies.yaml")).sorted()
                    .map(ExpectedResults::load).sorted(java.util.Comparator.comparingInt(e -> tableNumber(e.table())))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list the expected results in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /** 2 for "Table 2" (so that Table 10 sorts after Table 2); 0 for the embedded dataset's check. */
    public static int tableNumber(String table) {
        return table.matches("Table \\d+") ? Integer.parseInt(table.substring(6)) : 0;
    }

    /** The cells this harness trains, for the given protocol (cells without a protocol apply to all). */
    public List<ExpectedCell> reproducedCells(String protocol) {
        return cells.stream().filter(ExpectedCell::reproduced)
                .filter(c -> c.protocol() == null || c.protocol().equals(protocol)).toList();
    }
}
