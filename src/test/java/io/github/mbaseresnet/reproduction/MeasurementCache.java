package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.CostEstimate;
import io.github.mbaseresnet.experiment.DatasetSource;
import io.github.mbaseresnet.experiment.ExperimentGrid;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.report.AtomicFiles;
import io.github.mbaseresnet.report.EnvironmentInfo;
import io.github.mbaseresnet.report.Ledger;
import io.github.mbaseresnet.report.ReproductionReport;
import io.github.mbaseresnet.report.ShardManifest;
import io.github.mbaseresnet.train.EpochMetrics;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Measurements of one test run by configuration (dataset, variant, loss): Tables 1, 5 and 6 all have the
 * MBA-SE-ResNet row on the same datasets, and settings are fixed for the run, so each configuration is trained once
 * and judged against every table that prints it. Under {@code fer.shard} (and before a {@code paper} run, for the
 * cost estimate) it plans the experiment grid of every table first. When the run ends, renders the summary, the
 * reproducibility report and the figures from the run records this run wrote ({@link ReproductionReport}), prints
 * the summary and writes Allure's environment.properties and categories.json.
 */
final class MeasurementCache implements AutoCloseable {
    private final Map<String, Optional<CellReport>> measured = new LinkedHashMap<>();
    private final Map<DatasetId, DatasetSource.LoadedDataset> loaded = new java.util.EnumMap<>(DatasetId.class);
    private final Map<DatasetId, byte[]> sheets = new java.util.EnumMap<>(DatasetId.class);
    private final List<CellReport> recorded = new ArrayList<>();
    private final HarnessSettings settings;
    private final Path allureDir;
    private ExperimentGrid grid;
    private Consumer<EpochMetrics> onEpoch = m -> { };

    MeasurementCache(HarnessSettings settings, Path allureDir) {
        this.settings = settings;
        this.allureDir = allureDir;
    }

    /** The measurement of {@code key}, trained on first use; empty when this shard trains none of its units. */
    synchronized Optional<CellReport> get(String key, Supplier<CellReport> measure) {
        return measured.computeIfAbsent(key, k -> share(k).isEmpty() ? Optional.empty()
                : Optional.of(measure.get()));
    }

    /** What this runner trains of a configuration: everything, unless the run is sharded. */
    synchronized ExperimentGrid.Share share(String configuration) {
        // any fer.shard, 1/1 included, plans the grid and writes shard.json, so that fer merge takes its folder
        return settings.raw("fer.shard").isEmpty() ? ExperimentGrid.Share.ALL
                : grid().share(configuration, settings.shard());
    }

    /** Every epoch's metrics go here (the cost estimate of a paper run prints after the first). */
    synchronized Consumer<EpochMetrics> epochListener() {
        if (settings.protocol().name().startsWith("paper")) {
            grid();
        }
        return onEpoch;
    }

    /**
     * The grid of every table's configurations on the configured datasets, partitioned over the shards; written
     * with this shard's identity to {@code shard.json} for {@code fer merge}.
     */
    private ExperimentGrid grid() {
        if (grid == null) {
            Map<ExperimentGrid.Configuration, ExperimentGrid.Size> sizes = new LinkedHashMap<>();
            Map<String, String> manifests = new TreeMap<>();
            for (var c : ExperimentGrid.configurations(Path.of("expected-results"), settings.protocol().name(),
                    d -> d == DatasetId.SYNTHETIC || settings.datasetRoot(d).isPresent())) {
                var data = dataset(c.dataset(), () -> new DatasetSource(settings).load(c.dataset()).orElseThrow());
                sizes.put(c, ExperimentGrid.sizeOf(settings, data));
                manifests.put(c.dataset().key(), data.manifestSha256());
            }
            grid = ExperimentGrid.of(sizes, settings.shard().count());
            ShardManifest.of(settings, grid, manifests).write(settings.resultsDir());
            CostEstimate cost = CostEstimate.of(grid, settings.shard(), settings.training().epochs());
            System.out.println("shard " + settings.shard() + ", protocol " + settings.protocol().name() + ": "
                    + cost.describe() + "; balance " + grid.balance());
            onEpoch = cost.printAfterFirstEpoch(System.out::println);
        }
        return grid;
    }

    /** A dataset copy read, hashed and lock-checked once per run, whichever configuration trains on it first. */
    synchronized DatasetSource.LoadedDataset dataset(DatasetId id, Supplier<DatasetSource.LoadedDataset> load) {
        return loaded.computeIfAbsent(id, k -> load.get());
    }

    /** A dataset's contact sheet (issue 5), drawn and written once per run, whichever cell prepares it first. */
    synchronized byte[] contactSheet(DatasetId id, Supplier<byte[]> draw) {
        return sheets.computeIfAbsent(id, k -> draw.get());
    }

    /** A run record this run wrote: the report is rendered from exactly these. */
    synchronized void recorded(CellReport record) {
        recorded.add(record);
    }

    @Override
    public synchronized void close() {
        String table = new ReproductionReport(Path.of("expected-results")).write(settings.resultsDir(),
                new ReproductionReport.Inputs(recorded, settings.protocol().name(), settings.shard(),
                        new Ledger(settings.ledgerFile()), grid == null ? java.util.Set.of() : grid.units().stream()
                        .map(ExperimentGrid.Unit::configuration).collect(Collectors.toSet())), Instant.now());
        System.out.println("\n=== MBA-SE-ResNet reproduction summary ===\n" + table);
        Map<String, String> env = new LinkedHashMap<>(EnvironmentInfo.collect());
        loaded.forEach((id, d) -> env.put("dataset." + id.key() + ".manifest_sha256", d.manifestSha256()));
        AtomicFiles.write(allureDir.resolve("environment.properties"), env.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        AtomicFiles.write(allureDir.resolve("categories.json"), CATEGORIES);
    }

    /** Allure categories: a reproduction off the paper's number is not the same thing as a broken harness. */
    private static final String CATEGORIES = """
            [
              {"name": "Out of tolerance", "matchedStatuses": ["failed"], "messageRegex": ".*OUT_OF_TOLERANCE.*"},
              {"name": "Claim failed", "matchedStatuses": ["failed"], "messageRegex": ".*CLAIM_FAILED.*"},
              {"name": "Partial (sharded, judged after fer merge)", "matchedStatuses": ["skipped"],
               "messageRegex": "partial \\\\(shard.*"},
              {"name": "Dataset not configured", "matchedStatuses": ["skipped"]},
              {"name": "Broken harness", "matchedStatuses": ["broken"]}
            ]
            """;
}
