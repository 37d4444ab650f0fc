package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.DatasetSource;
import io.github.mbaseresnet.experiment.ExperimentGrid;
import io.github.mbaseresnet.experiment.FoldStorage;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.experiment.Reproduction;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.report.RunRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code fer train}: one variant × loss on one dataset, cross-validated under the configured protocol. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train and evaluate one network variant with one loss on one dataset (subject-independent "
                + "folds of the configured protocol); prints the mean accuracy and writes a run record.")
final class TrainCommand implements Callable<Integer>, CommonOptions.Holder {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, description = "dataset key: ${COMPLETION-CANDIDATES}",
            converter = DatasetKey.class, completionCandidates = DatasetKey.Candidates.class)
    DatasetId dataset;

    @Mixin
    MethodOptions method;

    @Option(names = "--seed", description = "base seed (default: fer.seed, else 42)")
    Long seed;

    @picocli.CommandLine.ArgGroup(exclusive = true)
    Folds folds = new Folds();

    /** Which folds of each run: the protocol's (default), one, or all of the dataset's. */
    static final class Folds {
        @Option(names = "--fold", paramLabel = "K", description = "train only fold K (1-based) of each run: the same "
                + "split, seeds and test subjects as in the full cross-validation")
        Integer fold;

        @Option(names = "--all-folds", description = "train every fold of the dataset's split, whatever the "
                + "protocol's fold limit (fer.folds.limit=0)")
        boolean all;
    }

    @Option(names = "--resume", description = "continue each fold from its checkpoint in fer.checkpoint.dir, if it "
            + "has one (fer.checkpoint.resume); a checkpoint of other settings, data or commit is refused, a finished fold is "
            + "not retrained")
    boolean resume;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "checkpoint each fold every N epochs and "
            + "after its last (fer.checkpoint.every; here 1 unless set, 0 = none)")
    Integer checkpointEvery;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        if (seed != null) {
            common.settings.put("fer.seed", Long.toString(seed));
        }
        if (resume) {
            common.settings.put("fer.checkpoint.resume", "true");
        }
        if (folds.all || folds.fold != null) { // fold K is reached by lifting the protocol's fold limit to K
            common.settings.put("fer.folds.limit", folds.all ? "0" : Integer.toString(folds.fold));
        }
        if (checkpointEvery != null) {
            common.settings.put("fer.checkpoint.every", checkpointEvery.toString());
        }
        // a run by hand keeps what it trained and can be resumed, unless told otherwise (README "Command line")
        HarnessSettings layered = common.harnessSettings();
        if (layered.raw("fer.checkpoint.every").isEmpty()) {
            common.settings.put("fer.checkpoint.every", "1");
        }
        if (layered.raw("fer.models.save").isEmpty()) {
            common.settings.put("fer.models.save", "true");
        }
        HarnessSettings settings = common.harnessSettings();
        var err = spec.commandLine().getErr();
        var loaded = new DatasetSource(settings).load(dataset).orElseThrow(() -> new IllegalArgumentException(
                DatasetSource.missingMessage(dataset)));
        Variant variant = method.variant;
        LossKind loss = method.loss;
        String row = variant.paperName() + " + " + loss.paperName();
        ExperimentGrid.Share share = folds.fold == null ? ExperimentGrid.Share.ALL : oneFold(settings, folds.fold);
        ProgressBar bar = new ProgressBar(err, System::nanoTime);
        CellReport report = new Reproduction(settings, line -> {
            if (!common.quiet) {
                err.println(line);
            }
        }, p -> {
            if (!common.quiet) {
                bar.accept(p);
            }
        }).measure("train", row, variant, loss, loaded, share);
        Path record = new RunRecords(settings.resultsDir()).write(report);
        var stats = report.statistics();
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "%s · %s: %.2f%% ± %.2f (sd over %d %s), protocol %s, seed %d; run record %s%s",
                dataset.displayName(), row, stats.mean(), stats.standardDeviation(), stats.n(),
                report.measurement().runs() > 1 ? "runs" : "folds", report.protocol(), report.seed(), record,
                settings.saveModels() ? "; models " + settings.modelsDir().resolve(FoldStorage.cell(dataset.key(),
                        row)) : ""));
        return 0;
    }

    /**
     * Fold {@code k} (1-based) of every run. The fold limit was lifted to {@code k} to reach it, so the split, the
     * seeds and the test subjects are those of the full cross-validation (experiment/FoldSplit).
     */
    private ExperimentGrid.Share oneFold(HarnessSettings settings, int k) {
        int of = settings.folds(dataset);
        if (k < 1 || k > of) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--fold " + k + " is out of range: "
                    + dataset.displayName() + " is split into " + of + " folds (fer.folds." + dataset.key() + "), 1.."
                    + of);
        }
        java.util.Set<java.util.List<Integer>> units = new java.util.HashSet<>();
        for (int run = 0; run < settings.protocol().runs(); run++) {
            units.add(java.util.List.of(run, k - 1));
        }
        return new ExperimentGrid.Share(units, false);
    }

    /** Dataset names as users type them ({@code jaffe}, {@code ckplus}, …). */
    static final class DatasetKey implements picocli.CommandLine.ITypeConverter<DatasetId> {
        @Override
        public DatasetId convert(String value) {
            return DatasetId.fromKey(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "unknown dataset '" + value + "': use one of " + new Candidates()));
        }

        static final class Candidates extends java.util.ArrayList<String> {
            Candidates() {
                super(Arrays.stream(DatasetId.values()).map(DatasetId::key).toList());
            }
        }
    }
}
