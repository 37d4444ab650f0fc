package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.Sample;
import io.github.mbaseresnet.experiment.DatasetSource;
import io.github.mbaseresnet.experiment.HarnessSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code fer datasets verify}: check configured copies against datasets.lock before a long run. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "Check dataset copies.",
        subcommands = DatasetsCommand.Verify.class)
final class DatasetsCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Read each named (default: every configured) dataset with its reader, print its images per "
                    + "class and per subject, and compare it with datasets.lock. Exit code 1 when a copy differs.")
    static final class Verify implements Callable<Integer>, CommonOptions.Holder {
        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", arity = "0..*", converter = TrainCommand.DatasetKey.class,
                description = "dataset keys (jaffe, ckplus, ...); default: every configured one")
        List<DatasetId> names;

        @Override
        public CommonOptions common() {
            return common;
        }

        @Override
        public Integer call() {
            common.settings.put("fer.lock.enforce", "false"); // report the differences instead of refusing
            HarnessSettings settings = common.harnessSettings();
            PrintWriter out = spec.commandLine().getOut();
            List<DatasetId> targets = names != null && !names.isEmpty() ? names : Arrays.stream(DatasetId.values())
                    .filter(d -> d != DatasetId.SYNTHETIC && settings.datasetRoot(d).isPresent()).toList();
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("no dataset is configured: set -D fer.data.<dataset>=<folder> "
                        + "(or FER_DATA_<DATASET>) for at least one of "
                        + Arrays.stream(DatasetId.values()).map(DatasetId::key).toList());
            }
            boolean allMatch = true;
            for (DatasetId id : targets) {
                var loaded = new DatasetSource(settings).load(id).orElseThrow(() -> new IllegalArgumentException(
                        DatasetSource.missingMessage(id)));
                List<Sample> samples = loaded.samples();
                out.printf("%s at %s: %d images, %d subjects, manifest %s%n", id.displayName(), loaded.root(),
                        samples.size(), samples.stream().map(Sample::subject).distinct().count(),
                        loaded.manifestSha256());
                out.println("  per class:   " + counts(samples, s -> s.label().code()));
                out.println("  per subject: " + counts(samples, Sample::subject));
                if (loaded.lockCheck().ok()) {
                    out.println("  matches " + settings.lockFile());
                } else {
                    allMatch = false;
                    out.println("  DIFFERS from " + settings.lockFile() + ":");
                    loaded.lockCheck().mismatches().forEach(m -> out.println("    " + m));
                }
            }
            return allMatch ? 0 : 1;
        }

        private static String counts(List<Sample> samples, java.util.function.Function<Sample, String> key) {
            Map<String, Long> counts = samples.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                    Collectors.counting()));
            return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }
}
