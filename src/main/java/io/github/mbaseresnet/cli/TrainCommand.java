package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.DatasetSource;
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
        ProgressBar bar = new ProgressBar(err, System::nanoTime);
        CellReport report = new Reproduction(settings, line -> {
            if (!common.quiet) {
                err.println(line);
            }
        }, p -> {
            if (!common.quiet) {
                bar.accept(p);
            }
        }).measure("train", row, variant, loss, loaded);
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
