package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.align.Face;
import io.github.mbaseresnet.align.FaceCache;
import io.github.mbaseresnet.align.FacePreparation;
import io.github.mbaseresnet.align.LandmarkSource;
import io.github.mbaseresnet.backend.BackendSetup;
import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.GrayImage;
import io.github.mbaseresnet.data.ImageFiles;
import io.github.mbaseresnet.data.Sample;
import io.github.mbaseresnet.data.ZipArchives;
import io.github.mbaseresnet.eval.Statistics;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.report.ContactSheet;
import io.github.mbaseresnet.report.EnvironmentInfo;
import io.github.mbaseresnet.train.EpochMetrics;
import io.github.mbaseresnet.train.Trainer;
import io.github.mbaseresnet.train.TrainingConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        return measure(table, row, variant, loss, dataset, ExperimentGrid.Share.ALL);
    }

    /**
     * Trains the units of {@code share} only (a shard's, issue 8): the verdict is PARTIAL when the share is not the
     * whole configuration. Completed folds are stored as they finish and reused on a rerun ({@link FoldStore}).
     */
    public CellReport measure(String table, String row, Variant variant, LossKind loss,
            DatasetSource.LoadedDataset dataset, ExperimentGrid.Share share) {
        BackendSetup.prepare();
        requireWritable(settings.resultsDir());
        ClassSet classes = settings.classes();
        FaceCache.Lookup lookup = new PreparedFaces(settings, log).of(dataset, FacePreparation.Progress.NONE);
        FacePreparation.Prepared prepared = lookup.prepared();
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
        log.accept(String.format("%s · %s: aligned faces %s%s", table, dataset.id().displayName(),
                lookup.status().name().toLowerCase(java.util.Locale.ROOT), lookup.file().map(f -> " (" + f + ")")
                        .orElse("")));
        String alignment = settings.alignment(dataset.id());
        var configuration = new ExperimentGrid.Configuration(dataset.id(), variant, loss);
        Map<String, String> environment = EnvironmentInfo.collect();
        FoldStore store = new FoldStore(settings.resultsDir().resolve("folds").resolve(configuration.key()
                .replace('/', '-')), new FoldStore.Identity(EnvironmentInfo.treeState(), environment,
                protocol.name(), settings.resultsFingerprint() + " " + network, dataset.manifestSha256()),
                settings.resume(), log);
        FoldStorage storage = new FoldStorage(settings.checkpointDir(), settings.checkpointEvery(),
                settings.resumeFromCheckpoints(), settings.saveModels() ? Optional.of(settings.modelsDir())
                        : Optional.empty(), FoldStorage.cell(dataset.id().key(), row), dataset.id().key(),
                dataset.manifestSha256(), classes, settings.alignSize(), alignment, training, protocol.name(), seed,
                folds, environment);
        CellMeasurement m = new CrossValidation(new Trainer(training, classes, settings.prefetchDepth()), storage, log,
                progress, share, store)
                .run(faces, network, folds, protocol.foldsRun(folds), protocol.runs(), seed);
        Statistics stats = m.statistics();
        String lockStatus = dataset.lockCheck().ok() ? "matches datasets.lock"
                : "DIFFERS from datasets.lock: " + dataset.lockCheck().mismatches();
        Map<String, String> sources = new LinkedHashMap<>();
        prepared.sourceByImage().forEach((image, source) -> sources.put(relative(dataset, image), source));
        return new CellReport(table, row, null, protocol.name(), network, training,
                alignment + ", aligned by " + prepared.alignedBy(), sources, seed, dataset.id().key(),
                dataset.root().toString(), faces.size(), subjects, dataset.manifestSha256(), lockStatus, m, stats,
                share.complete() ? Verdict.NOT_COMPARED : Verdict.PARTIAL, environment);
    }

    /**
     * Issue 5's contact sheet of {@code dataset}: the first {@code perClass} images of each class, aligned as
     * training aligns them, and the first of each class (at most {@code originals}) with their landmarks drawn.
     */
    public byte[] contactSheet(DatasetSource.LoadedDataset dataset, int perClass, int originals) {
        ClassSet classes = settings.classes();
        Map<Expression, List<Sample>> byClass = new LinkedHashMap<>();
        classes.expressions().forEach(e -> byClass.put(e, new ArrayList<>()));
        dataset.samples().stream().filter(s -> classes.contains(s.label()))
                .filter(s -> byClass.get(s.label()).size() < perClass).forEach(s -> byClass.get(s.label()).add(s));
        List<ContactSheet.Original> shown = new ArrayList<>();
        List<Face> faces;
        try (LandmarkSource landmarks = settings.landmarks(dataset.id())) {
            faces = new FacePreparation(settings.aligner(dataset.id()), landmarks).prepare(byClass.values().stream()
                    .flatMap(List::stream).toList(), classes).faces();
            byClass.values().stream().filter(l -> !l.isEmpty()).limit(originals).map(l -> l.get(0)).forEach(s -> {
                GrayImage image = ImageFiles.readGray(s.image());
                shown.add(new ContactSheet.Original(image, landmarks.find(s, image)));
            });
        }
        List<ContactSheet.ClassRow> rows = byClass.keySet().stream().map(e -> new ContactSheet.ClassRow(e.code(),
                faces.stream().filter(f -> f.label() == classes.indexOf(e)).map(Face::pixels).toList())).toList();
        return ContactSheet.render(dataset.id().displayName() + ": aligned faces per class", rows, shown,
                ContactSheet.Layout.DEFAULT);
    }

    /**
     * Fails before any training when the results folder cannot take files (it gets each completed fold, the run
     * record, checkpoints): finding out after hours of training would lose them.
     */
    private static void requireWritable(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.delete(java.nio.file.Files.createTempFile(dir, ".writable", ".probe"));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the results folder " + dir + " (fer.results) cannot be written ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "): nothing was trained", e);
        }
    }

    /** An image's name in the run record: relative to the dataset's folder, or {@code F001.zip!/...} in a zip. */
    private static String relative(DatasetSource.LoadedDataset dataset, String name) {
        String root = dataset.root().toAbsolutePath() + java.io.File.separator;
        return name.startsWith(root) ? name.substring(root.length()) : name;
    }
}
