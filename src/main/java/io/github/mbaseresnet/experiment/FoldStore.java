package io.github.mbaseresnet.experiment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mbaseresnet.report.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Completed folds of one configuration, persisted atomically as each finishes ({@code <results>/folds/<config>/
 * run-R-fold-F.json}), so that a killed run or shard resumes from its last completed fold (issue 8).
 *
 * <p>A stored fold is reused only when its {@link Identity} equals this run's: the same source tree (commit, and the
 * hash of the uncommitted diff when the tree is dirty), environment (backend, versions, cores, GPU), protocol and
 * every setting that changes the training, and dataset manifest hash. Anything else (another commit, other settings,
 * a file that does not parse) is <b>recomputed</b> and overwritten, with a log line saying why: a stale result is
 * never counted, and a stale folder never stops a run. {@code fer.resume=false} retrains every fold.
 */
public final class FoldStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What must be equal for a stored fold to stand for the fold this run would train. */
    public record Identity(String tree, Map<String, String> environment, String protocol, String settings,
            String manifestSha256) {

        /** What differs from {@code now}, for the log: e.g. {@code commit (abc now def), settings}. */
        String differences(Identity now) {
            List<String> d = new java.util.ArrayList<>();
            if (!tree.equals(now.tree)) {
                d.add("commit (" + tree + ", now " + now.tree + ")");
            }
            if (!environment.equals(now.environment)) {
                d.add("environment (" + environment.keySet().stream().filter(k -> !java.util.Objects.equals(
                        environment.get(k), now.environment.get(k))).sorted().toList() + ")");
            }
            if (!protocol.equals(now.protocol)) {
                d.add("protocol (" + protocol + ", now " + now.protocol + ")");
            }
            if (!settings.equals(now.settings)) {
                d.add("result-changing setting");
            }
            if (!manifestSha256.equals(now.manifestSha256)) {
                d.add("dataset copy (manifest " + manifestSha256 + ", now " + now.manifestSha256 + ")");
            }
            return d.isEmpty() ? "run or fold" : String.join(", ", d);
        }
    }

    private record Stored(Identity identity, FoldResult fold) {
    }

    private final Path dir;
    private final Identity identity;
    private final boolean reuse;
    private final Consumer<String> log;

    public FoldStore(Path dir, Identity identity, boolean reuse, Consumer<String> log) {
        this.dir = dir;
        this.identity = identity;
        this.reuse = reuse;
        this.log = log;
    }

    /** The stored result of (run, fold) when it may be reused. */
    public Optional<FoldResult> completed(int run, int fold) {
        Path file = file(run, fold);
        if (!reuse || !Files.exists(file)) {
            return Optional.empty();
        }
        Stored stored;
        try {
            stored = JSON.readValue(file.toFile(), Stored.class);
        } catch (IOException e) {
            log.accept(file + " does not parse (" + e.getMessage().lines().findFirst().orElse("") + "): retraining");
            return Optional.empty();
        }
        if (!identity.equals(stored.identity()) || stored.fold().run() != run || stored.fold().fold() != fold) {
            log.accept(file + " was trained with another " + stored.identity().differences(identity)
                    + ": retraining");
            return Optional.empty();
        }
        log.accept("reusing the completed run " + (run + 1) + " fold " + (fold + 1) + " from " + file);
        return Optional.of(stored.fold());
    }

    public void save(FoldResult result) {
        try {
            AtomicFiles.write(file(result.run(), result.fold()), JSON.writeValueAsBytes(new Stored(identity, result)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a completed fold in " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path file(int run, int fold) {
        return dir.resolve(String.format("run-%02d-fold-%02d.json", run + 1, fold + 1));
    }
}
