package io.github.mbaseresnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One Allure result set from the shards' ({@code <shard>/allure-results}, issue 8). Every file is copied; a test that
 * a shard skipped as "partial (shard i/n)" is written once, with the verdict of its merged cell: passed or failed,
 * and the merged measurement in its message (matched by Allure's epic/feature/story labels: table, dataset or
 * "claims", row or claim id, as {@code TableCellRunner} sets them). Its other shards' copies are dropped.
 */
final class AllureMerge {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<ReproductionReport.Row> rows;
    private final int shards;

    AllureMerge(List<ReproductionReport.Row> rows, int shards) {
        this.rows = rows;
        this.shards = shards;
    }

    void merge(List<Path> shardDirs, Path out) {
        Set<String> written = new HashSet<>();
        for (Path shard : shardDirs) {
            Path dir = shard.resolve("allure-results");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    byte[] content = Files.readAllBytes(file);
                    if (file.getFileName().toString().endsWith("-result.json")) {
                        ObjectNode result = (ObjectNode) JSON.readTree(content);
                        if (isPartial(result)) {
                            String key = label(result, "epic") + "|" + label(result, "feature") + "|"
                                    + label(result, "story");
                            if (!written.add(key)) {
                                continue;
                            }
                            judge(result);
                            content = JSON.writeValueAsBytes(result);
                        }
                    }
                    AtomicFiles.write(out.resolve(file.getFileName().toString()), content);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot merge the Allure results of " + dir + ": " + e.getMessage(),
                        e);
            }
        }
    }

    private static boolean isPartial(JsonNode result) {
        return "skipped".equals(result.path("status").asText())
                && result.path("statusDetails").path("message").asText().startsWith("partial (shard");
    }

    private void judge(ObjectNode result) {
        String table = label(result, "epic");
        String feature = label(result, "feature");
        String story = label(result, "story");
        Optional<ReproductionReport.Row> row = rows.stream().filter(r -> r.table().equals(table)
                && (feature.equals("claims") ? r.row().equals("claim: " + story)
                : r.dataset().equals(feature) && r.row().equals(story))).findFirst();
        String verdict = row.map(ReproductionReport.Row::verdict).orElse("NOT MERGED: a unit is missing");
        String status = switch (verdict) {
            case "PASS", "SUPPORTED" -> "passed";
            case "OUT_OF_TOLERANCE", "CLAIM_FAILED" -> "failed";
            default -> "skipped";
        };
        result.put("status", status);
        ObjectNode details = result.putObject("statusDetails");
        details.put("message", verdict + " (merged from " + shards + " shards): measured " + row.map(
                ReproductionReport.Row::measured).orElse("-") + ", expected " + row.map(
                ReproductionReport.Row::expected).orElse("-") + " " + row.map(ReproductionReport.Row::tolerance)
                .orElse(""));
    }

    private static String label(JsonNode result, String name) {
        for (JsonNode l : result.path("labels")) {
            if (name.equals(l.path("name").asText())) {
                return l.path("value").asText();
            }
        }
        return "";
    }
}
