package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.DatasetLock;
import io.github.mbaseresnet.data.DatasetReader;
import io.github.mbaseresnet.data.LockCheck;
import io.github.mbaseresnet.data.LockEntry;
import io.github.mbaseresnet.data.Manifest;
import io.github.mbaseresnet.data.Sample;
import io.github.mbaseresnet.data.jaffe.JaffeReader;
import io.github.mbaseresnet.data.synthetic.SyntheticConfig;
import io.github.mbaseresnet.data.synthetic.SyntheticDataset;
import io.github.mbaseresnet.data.synthetic.SyntheticReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a dataset's samples: the embedded one is generated into the cache, the licensed ones are read from the
 * folder the user configured, with the reader for their distributed layout, and checked against datasets.lock.
 */
public final class DatasetSource {
    private final HarnessSettings settings;

    public DatasetSource(HarnessSettings settings) {
        this.settings = settings;
    }

    /** A dataset copy that was read and checked. */
    public record LoadedDataset(DatasetId id, Path root, List<Sample> samples, String manifestSha256,
            LockCheck lockCheck) {
    }

    /** Empty when the user has not pointed the harness at this dataset. */
    public Optional<LoadedDataset> load(DatasetId id) {
        if (id == DatasetId.SYNTHETIC) {
            Path root = new SyntheticDataset(SyntheticConfig.DEFAULT).materialize(settings.cacheDir());
            List<Sample> samples = new SyntheticReader().read(root);
            return Optional.of(new LoadedDataset(id, root, samples, manifest(root, samples).sha256(),
                    new LockCheck(List.of())));
        }
        Optional<Path> root = settings.datasetRoot(id);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        List<Sample> samples = reader(id, root.get()).read(root.get());
        Manifest manifest = manifest(root.get(), samples);
        LockEntry entry = lock().datasets().get(id.key());
        LockCheck check = entry == null ? new LockCheck(List.of()) : LockCheck.verify(entry, samples, manifest);
        if (!check.ok() && settings.enforceLock()) {
            throw new DatasetException(root.get(), "this copy of " + id.displayName() + " differs from "
                    + settings.lockFile() + ": " + check.mismatches() + ". Results on it would not be comparable "
                    + "with the paper's; set -Dfer.lock.enforce=false to run anyway (the report then says so).");
        }
        return Optional.of(new LoadedDataset(id, root.get(), samples, manifest.sha256(), check));
    }

    /** What the skip message of a test on a missing dataset says. */
    public static String missingMessage(DatasetId id) {
        return id.displayName() + " is not configured: set -D" + id.property() + "=<folder> (or the environment "
                + "variable " + HarnessSettings.environmentName(id.property()) + "). " + id.obtainHint() + ".";
    }

    private DatasetLock lock() {
        return DatasetLock.load(settings.lockFile());
    }

    private static Manifest manifest(Path root, List<Sample> samples) {
        return Manifest.of(root, samples.stream().map(Sample::image).distinct().toList());
    }

    /** Whether the harness can read this dataset's distributed layout yet (the embedded one is generated). */
    public static boolean readable(DatasetId id) {
        return id == DatasetId.SYNTHETIC || id == DatasetId.JAFFE;
    }

    private static DatasetReader reader(DatasetId id, Path root) {
        return switch (id) {
            case JAFFE -> new JaffeReader();
            default -> throw new DatasetException(root, "reading " + id.displayName() + " is not implemented yet "
                    + "(see the README's dataset table); unset " + id.property() + " to skip it");
        };
    }
}
