package io.github.mbaseresnet.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.mbaseresnet.experiment.CellReport;

import com.fasterxml.jackson.databind.DeserializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.Locale;

/**
 * Writes a cell's complete record (config, seeds, folds, per-epoch metrics, environment) as JSON, atomically, and
 * reads records back (report re-rendering, comparison and shard merging need nothing else, issues 7 and 8).
 */
public final class RunRecords {
    /** Folders of a results folder that hold other things than run records. */
    private static final Set<String> NOT_RECORDS = Set.of("folds", "figures", "allure-results", "models",
            "checkpoints");

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path resultsDir;

    public RunRecords(Path resultsDir) {
        this.resultsDir = resultsDir;
    }

    public String toJson(CellReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the run record of " + report.row(), e);
        }
    }

    /** Writes {@code <results>/<table>/<dataset>-<row>.json} and returns its path. */
    public Path write(CellReport report) {
        Path file = path(report);
        AtomicFiles.write(file, toJson(report));
        return file;
    }

    /** {@code <results>/<table>/<dataset>-<row>.json}. */
    public Path path(CellReport report) {
        return resultsDir.resolve(slug(report.table())).resolve(report.dataset() + "-" + slug(report.row())
                + ".json");
    }

    /** Every run record under the results folder ({@code <table>/<dataset>-<row>.json}), in path order. */
    public List<Path> files() {
        if (!Files.isDirectory(resultsDir)) {
            throw new IllegalArgumentException(resultsDir + " is not a results folder (no such directory)");
        }
        try (Stream<Path> walk = Files.walk(resultsDir, 2)) {
            return walk.filter(p -> resultsDir.relativize(p).getNameCount() == 2)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !NOT_RECORDS.contains(p.getParent().getFileName().toString())
                            && !p.getParent().getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + resultsDir + ": " + e.getMessage(), e);
        }
    }

    public List<CellReport> readAll() {
        return files().stream().map(this::read).toList();
    }

    /** One record; a file that is not one is refused naming it. */
    public CellReport read(Path file) {
        try {
            return json.readValue(file.toFile(), CellReport.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a run record: " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
        }
    }

    /** Lower-case words joined by dashes: {@code MBA-SE-ResNet + proposed loss} → {@code mba-se-resnet-proposed-loss}. */
    public static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
