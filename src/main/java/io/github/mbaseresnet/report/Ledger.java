package io.github.mbaseresnet.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.FoldResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The results ledger: one JSON line per measured table cell per test run, for tracking ablation regressions between
 * runs (issue 6). Appends are all-or-nothing: under a lock, the whole file is rewritten to a temporary sibling and
 * renamed into place, so a crash leaves either the old ledger or the new one, never half a line. A ledger that does
 * not parse is refused with the file and line, never silently extended.
 */
public final class Ledger {
    private final ObjectMapper json = new ObjectMapper();
    private final Path file;

    /** One cell of one run: what a later run is compared with. */
    public record Entry(String time, String commit, String protocol, long seed, String table, String dataset,
            String row, String variant, String loss, String manifestSha256, List<Double> runAccuracies,
            List<Double> foldAccuracies, double mean, double standardDeviation, String verdict) {

        public static Entry of(CellReport r, Instant time) {
            return new Entry(time.toString(), r.environment().getOrDefault("git.commit", "unknown"), r.protocol(),
                    r.seed(), r.table(), r.dataset(), r.row(), r.network().variant().name(),
                    r.network().loss().kind().name(), r.manifestSha256(), r.measurement().runAccuracies(),
                    r.measurement().folds().stream().map(FoldResult::accuracyPercent).toList(),
                    r.statistics().mean(), r.statistics().standardDeviation(), r.verdict().name());
        }

        /** The same measurement recorded again (a merge or a reused run repeated): equal but for the time. */
        boolean sameMeasurement(Entry o) {
            return o.equals(new Entry(o.time, commit, protocol, seed, table, dataset, row, variant, loss,
                    manifestSha256, runAccuracies, foldAccuracies, mean, standardDeviation, verdict));
        }

        /** Same cell, same protocol: comparable with this one. */
        boolean sameCell(Entry o) {
            return table.equals(o.table) && dataset.equals(o.dataset) && row.equals(o.row)
                    && protocol.equals(o.protocol);
        }
    }

    public Ledger(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public List<Entry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    entries.add(json.readValue(lines.get(i), Entry.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(file + " line " + (i + 1) + " is not a ledger entry ("
                            + e.getOriginalMessage() + "); repair or move the file, nothing was appended");
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger " + file + ": " + e.getMessage(), e);
        }
    }

    /** The latest earlier entry of the same cell and protocol, if any. */
    public Optional<Entry> previous(Entry entry) {
        List<Entry> all = read();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).sameCell(entry)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    public void append(Entry entry) {
        appendAll(List.of(entry));
    }

    /**
     * Appends every entry in one atomic rewrite: all of them or none (a merge's one ledger update, issue 8). An entry
     * whose measurement the ledger already holds (the same merge run twice, a run whose folds were all reused) is not
     * appended again, so that regression tracking never counts one measurement twice.
     */
    public void appendAll(List<Entry> entries) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            try (FileChannel lockChannel = FileChannel.open(dir.resolve(file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = lockChannel.lock()) {
                List<Entry> recorded = read(); // refuse to extend a ledger that does not parse
                List<Entry> fresh = entries.stream().filter(e -> recorded.stream().noneMatch(e::sameMeasurement))
                        .toList();
                if (fresh.isEmpty()) {
                    return;
                }
                byte[] old = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
                String separator = old.length > 0 && old[old.length - 1] != '\n' ? "\n" : "";
                StringBuilder lines = new StringBuilder(separator);
                for (Entry entry : fresh) {
                    lines.append(json.writeValueAsString(entry)).append('\n');
                }
                byte[] line = lines.toString().getBytes(StandardCharsets.UTF_8);
                byte[] all = new byte[old.length + line.length];
                System.arraycopy(old, 0, all, 0, old.length);
                System.arraycopy(line, 0, all, old.length, line.length);
                AtomicFiles.write(file, all);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the ledger " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code now} moved beyond its noise since {@code before}: the means differ by more than twice the
     * combined standard error of the two (fold-level when a run has one repetition).
     */
    public static boolean movedBeyondNoise(Entry before, Entry now) {
        double se = Math.hypot(standardError(before), standardError(now));
        return Math.abs(now.mean() - before.mean()) > 2 * se;
    }

    private static double standardError(Entry e) {
        List<Double> values = e.runAccuracies().size() > 1 ? e.runAccuracies() : e.foldAccuracies();
        return values.size() < 2 ? 0 : e.standardDeviation() / Math.sqrt(values.size());
    }
}
