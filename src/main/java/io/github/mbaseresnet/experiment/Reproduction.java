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
import io.github.mbaseresnet.train.Trainer;
import io.github.mbaseresnet.train.TrainingConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Trains and evaluates one table cell on a loaded dataset under the configured protocol. */
public final class Reproduction {
    private final HarnessSettings settings;
    private final Consumer<String> log;
    private final Consumer<Progress> progress;

    /** Epochs are logged as lines of {@code log}. */
    public Reproduction(HarnessSettings settings, Consumer<String> log) {
        this(settings, log, p -> log.accept(p.describe()));
    }

    /** Epochs go to {@code progress} (the command line's progress bar), other messages to {@code log}. */
    public Reproduction(HarnessSettings settings, Consumer<String> log, Consumer<Progress> progress) {
        this.settings = settings;
        this.log = log;
        this.progress = progress;
    }

    /** Trains and evaluates {@code cell}'s row and compares the mean with the cell's value. */
    public CellReport run(String table, ExpectedCell cell, DatasetSource.LoadedDataset dataset) {
        return measure(table, cell.row(), cell.variant(), cell.loss(), dataset).judgedAgainst(table, cell);
    }

    /** Trains and evaluates {@code variant} with {@code loss} on {@code dataset}; the verdict is NOT_COMPARED. */
    public CellReport measure(String table, String row, Variant variant, LossKind loss,
            DatasetSource.LoadedDataset dataset) {
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
        String alignment = settings.aligner(dataset.id()).describe();
        Map<String, String> environment = EnvironmentInfo.collect();
        FoldStorage storage = new FoldStorage(settings.checkpointDir(), settings.checkpointEvery(), settings.resume(),
                settings.saveModels() ? Optional.of(settings.modelsDir()) : Optional.empty(),
                FoldStorage.cell(dataset.id().key(), row), dataset.id().key(), dataset.manifestSha256(),
                classes, settings.alignSize(), alignment, training, protocol.name(), seed, folds, environment);
        CellMeasurement m = new CrossValidation(new Trainer(training, classes), storage, log, progress)
                .run(faces, network, folds, protocol.foldsRun(folds), protocol.runs(), seed);
        Statistics stats = m.statistics();
        String lockStatus = dataset.lockCheck().ok() ? "matches datasets.lock"
                : "DIFFERS from datasets.lock: " + dataset.lockCheck().mismatches();
        return new CellReport(table, row, null, protocol.name(), network, training, alignment + ", aligned by " + prepared.alignedBy(), seed,
                dataset.id().key(), dataset.root().toString(), faces.size(), subjects, dataset.manifestSha256(),
                lockStatus, m, stats, Verdict.NOT_COMPARED, environment);
    }
}
