package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.align.Face;
import io.github.mbaseresnet.align.FacePreparation;
import io.github.mbaseresnet.align.LandmarkSource;
import io.github.mbaseresnet.backend.BackendSetup;
import io.github.mbaseresnet.bundle.ModelBundle;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.eval.ConfusionMatrix;
import io.github.mbaseresnet.experiment.DatasetSource;
import io.github.mbaseresnet.experiment.FoldSplit;
import io.github.mbaseresnet.experiment.FoldStorage;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.train.BatchMaker;
import io.github.mbaseresnet.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code fer evaluate}: a saved model's accuracy and confusion matrix on the test subjects of its fold, rebuilt from
 * the dataset and the seed stored in the bundle with the same code as training (experiment/FoldSplit), on the same
 * dataset copy (manifest hash) and the same alignment; anything else is refused rather than evaluated.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Accuracy and confusion matrix of a saved model (a fold's bundle written by `fer train`) on "
                + "its fold's test subjects. MODEL is a bundle file, or the cell's models folder with --fold.")
final class EvaluateCommand implements Callable<Integer>, CommonOptions.Holder {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "a model bundle (run1-fold2.zip) or a folder of them")
    Path model;

    @Option(names = "--dataset", converter = TrainCommand.DatasetKey.class,
            description = "the dataset the model was trained on (default: the one the bundle names)")
    DatasetId dataset;

    @Option(names = "--fold", paramLabel = "K", description = "the fold, counted from 1 as in train's log "
            + "(default: the bundle's)")
    Integer fold;

    @Option(names = "--run", paramLabel = "R", defaultValue = "1", description = "the run, with a MODEL folder "
            + "(default ${DEFAULT-VALUE})")
    int run;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        BackendSetup.prepare();
        ModelBundle bundle = ModelBundle.load(bundleFile());
        ModelBundle.Metadata meta = bundle.metadata();
        DatasetId id = DatasetId.fromKey(meta.dataset()).orElseThrow(() -> new IllegalArgumentException(
                model + " names an unknown dataset '" + meta.dataset() + "'"));
        if (dataset != null && dataset != id) {
            throw new IllegalArgumentException(model + " was trained on " + id.displayName() + ", not "
                    + dataset.displayName() + ": its folds are defined on " + id.key() + " only");
        }
        if (fold != null && (fold < 1 || fold > meta.folds())) {
            throw new IllegalArgumentException("fold " + fold + " is out of range: " + model + " comes from a split "
                    + "into " + meta.folds() + " folds (1.." + meta.folds() + ")");
        }
        if (fold != null && fold - 1 != meta.fold()) {
            throw new IllegalArgumentException(model + " was tested on fold " + (meta.fold() + 1) + " and trained on "
                    + "the others, so fold " + fold + "'s subjects were in its training set: evaluate the bundle of "
                    + "fold " + fold + " instead");
        }
        HarnessSettings settings = common.harnessSettings();
        var loaded = new DatasetSource(settings).load(id).orElseThrow(() -> new IllegalArgumentException(
                DatasetSource.missingMessage(id)));
        if (!loaded.manifestSha256().equals(meta.manifestSha256())) {
            throw new IllegalArgumentException(id.displayName() + " at " + loaded.root() + " has manifest "
                    + loaded.manifestSha256() + ", but " + model + " was trained on a copy with manifest "
                    + meta.manifestSha256() + ": another copy or selection of images, so its fold would not be the "
                    + "one it was tested on");
        }
        String alignment = settings.alignment(id);
        if (!alignment.equals(meta.alignment())) {
            throw new IllegalArgumentException(model + " was trained on faces aligned by " + meta.alignment()
                    + "; the settings now align by " + alignment + " (set fer.align.* and fer.detect.* as in "
                    + "training)");
        }
        List<Face> faces;
        try (LandmarkSource landmarks = settings.landmarks(id)) { // the detector is native: closed
            faces = new FacePreparation(settings.aligner(id), landmarks).prepare(loaded.samples(), meta.classes())
                    .faces();
        }
        FoldSplit split = FoldSplit.of(faces, meta.folds(), meta.seed(), meta.run());
        Set<String> testSubjects = split.testSubjects().get(meta.fold());
        if (!testSubjects.equals(meta.testSubjects())) {
            throw new IllegalArgumentException("the rebuilt fold " + (meta.fold() + 1) + " tests subjects "
                    + new TreeSet<>(testSubjects) + ", but " + model + " was tested on "
                    + new TreeSet<>(meta.testSubjects()));
        }
        List<Face> test = split.test(faces, meta.fold());
        ConfusionMatrix confusion = new Trainer(meta.training(), meta.classes()).evaluate(bundle.network(), test,
                new BatchMaker(meta.training().augmentation(), meta.classes().size()));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s · %s + %s · run %d fold %d/%d (test %s): %.2f%% (%d of %d images); at the end "
                        + "of training %.2f%%%n", id.displayName(), meta.network().variant().paperName(),
                meta.network().loss().kind().paperName(), meta.run() + 1, meta.fold() + 1, meta.folds(),
                String.join(" ", new TreeSet<>(testSubjects)), confusion.accuracyPercent(), confusion.correct(),
                confusion.total(), meta.testAccuracy());
        out.print(confusion.toText());
        return 0;
    }

    /** MODEL itself, or, for a folder, its run R fold K bundle. */
    private Path bundleFile() {
        if (!Files.isDirectory(model)) {
            return model;
        }
        if (fold == null) {
            throw new ParameterException(spec.commandLine(), model + " is a folder: name the fold with --fold K");
        }
        Path file = model.resolve(FoldStorage.fileName(run - 1, fold - 1));
        if (!Files.exists(file)) {
            try (var files = Files.list(model)) {
                throw new IllegalArgumentException(model + " has no bundle for run " + run + " fold " + fold
                        + " (" + file.getFileName() + "); it holds " + files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(".zip")).sorted().toList());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot list " + model + ": " + e.getMessage(), e);
            }
        }
        return file;
    }
}
