package io.github.mbaseresnet.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.mbaseresnet.experiment.ExperimentGrid;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.experiment.Shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code shard.json} in a shard's results folder (issue 8): which shard it is, what produced it (source tree,
 * protocol, the settings that change results, seed, every dataset's manifest hash) and the whole grid with every
 * unit's shard, so that {@code fer merge} can refuse shards that do not belong together and name what is missing.
 */
public record ShardManifest(String shard, String tree, String protocol, String settings, long seed,
        Map<String, String> datasets, List<ExperimentGrid.Unit> units) {
    public static final String FILE = "shard.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ShardManifest {
        datasets = Map.copyOf(datasets);
        units = List.copyOf(units);
    }

    /** The manifest of {@code settings}' shard of {@code grid}, over datasets with these manifest hashes. */
    public static ShardManifest of(HarnessSettings settings, ExperimentGrid grid, Map<String, String> datasets) {
        return new ShardManifest(settings.shard().toString(), EnvironmentInfo.treeState(),
                settings.protocol().name(), settings.resultsFingerprint(), settings.seed(), datasets, grid.units());
    }

    public Shard parsedShard() {
        return Shard.parse(shard);
    }

    public void write(Path resultsDir) {
        try {
            AtomicFiles.write(resultsDir.resolve(FILE), JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + FILE + ": " + e.getMessage(), e);
        }
    }

    /** The manifest of a shard folder; a folder without one (or with a broken one) is refused, naming it. */
    public static ShardManifest read(Path shardDir) {
        Path file = shardDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(shardDir + " is not a shard folder: it has no " + FILE
                    + " (written by a run with -Dfer.shard=i/n)");
        }
        try {
            return JSON.readValue(file.toFile(), ShardManifest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " does not parse: " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
        }
    }
}
