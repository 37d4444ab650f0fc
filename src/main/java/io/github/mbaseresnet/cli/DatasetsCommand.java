package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.DatasetLock;
import io.github.mbaseresnet.data.LockEntry;
import io.github.mbaseresnet.data.Sample;
import io.github.mbaseresnet.experiment.DatasetSource;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.report.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code fer datasets verify}: check configured copies against datasets.lock before a long run. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "Check dataset copies.",
        subcommands = {DatasetsCommand.Verify.class, DatasetsCommand.Relock.class})
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
                out.println("  left out:    " + (loaded.excluded().isEmpty() ? "nothing"
                        : loaded.excluded().size() + " (" + loaded.exclusionSummary() + ")"));
                out.println("  images:      " + loaded.images() + " (headers checked; pixels are decoded in training)");
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

    @Command(name = "relock", mixinStandardHelpOptions = true,
            description = "Pin NAME in datasets.lock to the configured copy: file count, images per class, subjects, "
                    + "the manifest hash and every file's sha256 (so later checks name missing, extra and changed "
                    + "files). Only that entry changes; review the diff before committing it.")
    static final class Relock implements Callable<Integer>, CommonOptions.Holder {
        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", converter = TrainCommand.DatasetKey.class, description = "dataset key")
        DatasetId name;

        @Override
        public CommonOptions common() {
            return common;
        }

        @Override
        public Integer call() throws IOException {
            if (name == DatasetId.SYNTHETIC) {
                throw new IllegalArgumentException("the embedded dataset is generated, not pinned: nothing to relock");
            }
            common.settings.put("fer.lock.enforce", "false"); // the copy is expected to differ from the old pin
            HarnessSettings settings = common.harnessSettings();
            var loaded = new DatasetSource(settings).load(name).orElseThrow(() -> new IllegalArgumentException(
                    DatasetSource.missingMessage(name)));
            Path lockFile = settings.lockFile();
            var old = DatasetLock.load(lockFile).datasets().get(name.key());
            Map<String, Integer> classes = new TreeMap<>();
            loaded.samples().forEach(s -> classes.merge(s.label().code(), 1, Integer::sum));
            var entry = new LockEntry(
                    old != null && old.layout() != null ? old.layout() : "as read by the " + name.displayName()
                            + " reader", loaded.samples().size(), classes,
                    (int) loaded.samples().stream().map(Sample::subject).distinct().count(), loaded.manifestSha256(),
                    "relocked by `fer datasets relock " + name.key() + "` on " + LocalDate.now()
                            + " from a copy at " + loaded.root(), loaded.manifest().fileSha256());
            String updated = DatasetLock.withEntry(
                    Files.readString(lockFile), name.key(), entry);
            Path check = Files.createTempFile("datasets", ".lock");
            try { // never write a lock file that does not load back
                Files.writeString(check, updated);
                DatasetLock.load(check);
            } finally {
                Files.deleteIfExists(check);
            }
            AtomicFiles.write(lockFile, updated);
            spec.commandLine().getOut().printf("pinned %s in %s: %d files, %d subjects, manifest %s (was %s)%n",
                    name.key(), lockFile, entry.files(), entry.subjects(), entry.manifestSha256(),
                    old == null || old.manifestSha256() == null ? "unpinned" : old.manifestSha256());
            return 0;
        }
    }
}
