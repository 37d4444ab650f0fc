package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.DatasetSource;
import io.github.mbaseresnet.report.AtomicFiles;
import io.github.mbaseresnet.report.Figures;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Measurements of one test run by (dataset, variant, loss): Tables 1, 5 and 6 all have the MBA-SE-ResNet row on
 * the same datasets, and settings are fixed for the run, so each configuration is trained once and judged against
 * every table that prints it. When the run ends, draws each dataset's accuracy per epoch for every method measured on
 * it (the paper's Figure 9) into {@code <results>/figures/}.
 */
final class MeasurementCache implements AutoCloseable {
    private final Map<String, CellReport> measured = new LinkedHashMap<>();
    private final Map<DatasetId, DatasetSource.LoadedDataset> loaded = new java.util.EnumMap<>(DatasetId.class);
    private final Map<DatasetId, byte[]> sheets = new java.util.EnumMap<>(DatasetId.class);
    private final Path resultsDir;

    MeasurementCache(Path resultsDir) {
        this.resultsDir = resultsDir;
    }

    synchronized CellReport get(String key, Supplier<CellReport> measure) {
        return measured.computeIfAbsent(key, k -> measure.get());
    }

    /** A dataset copy read, hashed and lock-checked once per run, whichever configuration trains on it first. */
    synchronized DatasetSource.LoadedDataset dataset(DatasetId id, Supplier<DatasetSource.LoadedDataset> load) {
        return loaded.computeIfAbsent(id, k -> load.get());
    }

    /** A dataset's contact sheet (issue 5), drawn and written once per run, whichever cell prepares it first. */
    synchronized byte[] contactSheet(DatasetId id, Supplier<byte[]> draw) {
        return sheets.computeIfAbsent(id, k -> draw.get());
    }

    @Override
    public synchronized void close() {
        Map<String, Map<String, double[]>> byDataset = new TreeMap<>();
        measured.values().forEach(r -> byDataset.computeIfAbsent(r.dataset(), d -> new LinkedHashMap<>()).put(
                r.network().variant().paperName() + " + " + r.network().loss().kind().paperName(),
                r.measurement().meanAccuracyPerEpoch()));
        byDataset.forEach((dataset, curves) -> AtomicFiles.write(resultsDir.resolve("figures")
                .resolve(dataset + "-accuracy-per-epoch.png"), Figures.accuracyPerEpoch(curves,
                dataset + ": test accuracy per epoch (mean over folds), protocol " + measured.values().iterator()
                        .next().protocol())));
    }
}
