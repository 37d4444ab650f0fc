package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.align.Face;
import io.github.mbaseresnet.align.FacePreparation;
import io.github.mbaseresnet.backend.BackendSetup;
import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.eval.Statistics;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.report.EnvironmentInfo;
import io.github.mbaseresnet.train.EpochMetrics;
import io.github.mbaseresnet.train.Trainer;
import io.github.mbaseresnet.train.TrainingConfig;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Trains and evaluates one table cell on a loaded dataset under the configured protocol. */
public final class Reproduction {
    private final HarnessSettings settings;
    private final Consumer<String> log;

    private final Consumer<EpochMetrics> onEpoch;

    public Reproduction(HarnessSettings settings, Consumer<String> log) {
        this(settings, log, m -> { });
    }

    /** @param onEpoch every trained epoch's metrics (e.g. {@link CostEstimate#printAfterFirstEpoch}) */
    public Reproduction(HarnessSettings settings, Consumer<String> log, Consumer<EpochMetrics> onEpoch) {
        this.settings = settings;
        this.log = log;
        this.onEpoch = onEpoch;
    }

    /** Trains and evaluates {@code cell}'s row and compares the mean with the cell's value. */
    public CellReport run(String table, ExpectedCell cell, DatasetSource.LoadedDataset dataset) {
        return measure(table, cell.row(), cell.variant(), cell.loss(), dataset).judgedAgainst(table, cell);
    }

    /** Trains and evaluates {@code variant} with {@code loss} on {@code dataset}; the verdict is NOT_COMPARED. */
    public CellReport measure(String table, String row, Variant variant, LossKind loss,
            DatasetSource.LoadedDataset dataset) {
        return measure(table, row, variant, loss, dataset, ExperimentGrid.Share.ALL);
    }

    /**
     * Trains the units of {@code share} only (a shard's, issue 8): the verdict is PARTIAL when the share is not the
     * whole configuration. Completed folds are stored as they finish and reused on a rerun ({@link FoldStore}).
     */
    public CellReport measure(String table, String row, Variant variant, LossKind loss,
            DatasetSource.LoadedDataset dataset, ExperimentGrid.Share share) {
        BackendSetup.prepare();
        ClassSet classes = settings.classes();
        FacePreparation.Prepared prepared = new FacePreparation(settings.aligner(dataset.id()),
                settings.landmarks(dataset.id())).prepare(dataset.samples(), classes);
        List<Face> faces = prepared.faces();
        Protocol protocol = settings.protocol();
        TrainingConfig training = settings.training();
        long seed = settings.seed();
        NetworkConfig network = settings.network(variant, loss, classes.size(), seed);
        int folds = settings.folds(dataset.id());
        int subjects = (int) faces.stream().map(Face::subject).distinct().count();
        if (subjects < folds) {
            throw new IllegalArgumentException(dataset.id().displayName() + " at " + dataset.root() + " has "
                    + subjects + " subjects, fewer than the " + folds + " subject-independent folds asked for: set "
                    + "fer.folds." + dataset.id().key() + " to at most " + subjects + " (" + subjects + " = leave one "
                    + "subject out)");
        }
        log.accept(String.format("%s · %s · %s: %d images of %d subjects, %d folds (%d trained) × %d run(s), "
                        + "%d epochs, protocol %s", table, dataset.id().displayName(), row, faces.size(),
                subjects, folds, protocol.foldsRun(folds), protocol.runs(), training.epochs(), protocol.name()));
        log.accept(String.format("%s · %s: images %s; left out: %s", table, dataset.id().displayName(),
                dataset.images(), dataset.exclusionSummary()));
        var configuration = new ExperimentGrid.Configuration(dataset.id(), variant, loss);
        Map<String, String> environment = EnvironmentInfo.collect();
        FoldStore store = new FoldStore(settings.resultsDir().resolve("folds").resolve(configuration.key()
                .replace('/', '-')), new FoldStore.Identity(EnvironmentInfo.treeState(), environment,
                protocol.name(), settings.resultsFingerprint() + " " + network, dataset.manifestSha256()),
                settings.resume(), log);
        CellMeasurement m = new CrossValidation(new Trainer(training, classes), log, share, store, onEpoch)
                .run(faces, network, folds, protocol.foldsRun(folds), protocol.runs(), seed);
        Statistics stats = m.statistics();
        String lockStatus = dataset.lockCheck().ok() ? "matches datasets.lock"
                : "DIFFERS from datasets.lock: " + dataset.lockCheck().mismatches();
        return new CellReport(table, row, null, protocol.name(), network, training, settings.aligner(dataset.id()).describe() + ", aligned by " + prepared.alignedBy(), seed,
                dataset.id().key(), dataset.root().toString(), faces.size(), subjects, dataset.manifestSha256(),
                lockStatus, m, stats, share.complete() ? Verdict.NOT_COMPARED : Verdict.PARTIAL, environment);
    }
}
