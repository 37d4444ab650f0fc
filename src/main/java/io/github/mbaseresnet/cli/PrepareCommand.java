package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.align.FaceCache;
import io.github.mbaseresnet.align.FacePreparation;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.experiment.DatasetSource;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.experiment.PreparedFaces;
import io.github.mbaseresnet.experiment.Reproduction;
import io.github.mbaseresnet.report.AtomicFiles;
import io.github.mbaseresnet.report.ContactSheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code fer prepare NAME}: align a configured dataset once and fill the face cache before a long run (issue 7). */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = "Read and align every image of dataset NAME (the configured classes), store the aligned faces "
                + "in the face cache (fer.cache.dir), and print where each face's landmarks came from. Exit code 1 "
                + "when the dataset is wrong or the cache cannot be written.")
final class PrepareCommand implements Callable<Integer>, CommonOptions.Holder {
    private static final int BAR = 30;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", converter = TrainCommand.DatasetKey.class,
            completionCandidates = TrainCommand.DatasetKey.Candidates.class,
            description = "dataset key: ${COMPLETION-CANDIDATES}")
    DatasetId name;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        HarnessSettings settings = common.harnessSettings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var loaded = new DatasetSource(settings).load(name).orElseThrow(() -> new IllegalArgumentException(
                DatasetSource.missingMessage(name)));
        FacePreparation.Progress bar = common.quiet ? FacePreparation.Progress.NONE : (done, total) -> {
            if (done < total && done * 100L / total == (done - 1) * 100L / total) {
                return; // redrawn once per percent
            }
            int filled = total == 0 ? BAR : done * BAR / total;
            err.print(String.format(Locale.ROOT, "\raligning %s: [%s%s] %d/%d", name.key(), "=".repeat(filled),
                    " ".repeat(BAR - filled), done, total));
            if (done == total) {
                err.println();
            }
            err.flush();
        };
        FaceCache.Lookup lookup = new PreparedFaces(settings, err::println).of(loaded, bar);
        var prepared = lookup.prepared();
        out.printf("%s at %s: %d faces of %s, aligned as %s%n", name.displayName(), loaded.root(),
                prepared.faces().size(), settings.classes().codes(), settings.alignment(name));
        out.println("  landmarks:  " + sources(prepared.alignedBy(), prepared.faces().size()));
        out.println("  face cache: " + lookup.file().map(f -> f + " (" + cacheState(lookup.status()) + ")")
                .orElse("off (fer.cache.enabled=false): nothing stored"));
        // a look at the aligned faces tells whether alignment worked on this copy (issue 5)
        Path sheet = ContactSheet.file(settings.resultsDir(), name.key());
        if (lookup.status() != FaceCache.Status.HIT || !java.nio.file.Files.isRegularFile(sheet)) {
            AtomicFiles.write(sheet, new Reproduction(settings, err::println).contactSheet(loaded, 6, 6));
        }
        out.println("  contact sheet: " + sheet);
        return lookup.status() == FaceCache.Status.UNCACHED ? 1 : 0;
    }

    /** e.g. {@code ckplus-68 972 (99.4%), none 6 (0.6%, no landmarks: centre crop)}. */
    private static String sources(Map<String, Integer> alignedBy, int faces) {
        return alignedBy.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %d (%.1f%%%s)", e.getKey(),
                e.getValue(), 100.0 * e.getValue() / Math.max(1, faces),
                e.getKey().equals("none") ? ", no landmarks: centre crop" : "")).collect(Collectors.joining(", "));
    }

    private static String cacheState(FaceCache.Status status) {
        return switch (status) {
            case HIT -> "already filled: nothing aligned";
            case BUILT -> "written";
            case REBUILT -> "the old file was unusable: written again";
            case UNCACHED -> "NOT written: the folder cannot be written";
            case OFF -> throw new IllegalStateException("a cache that is off has no file");
        };
    }
}
