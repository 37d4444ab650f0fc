package io.github.mbaseresnet.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.mbaseresnet.experiment.CellReport;

import java.nio.file.Path;
import java.util.Locale;

/** Writes a cell's complete record (config, seeds, folds, per-epoch metrics, environment) as JSON, atomically. */
public final class RunRecords {
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
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
        Path file = resultsDir.resolve(slug(report.table()))
                .resolve(report.dataset() + "-" + slug(report.row()) + ".json");
        AtomicFiles.write(file, toJson(report));
        return file;
    }

    /** Lower-case words joined by dashes: {@code MBA-SE-ResNet + proposed loss} → {@code mba-se-resnet-proposed-loss}. */
    public static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
