package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.DatasetLock;
import io.github.mbaseresnet.data.DatasetReader;
import io.github.mbaseresnet.data.Exclusion;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.ImageCheck;
import io.github.mbaseresnet.data.LockCheck;
import io.github.mbaseresnet.data.LockEntry;
import io.github.mbaseresnet.data.Manifest;
import io.github.mbaseresnet.data.ManifestCache;
import io.github.mbaseresnet.data.ReadResult;
import io.github.mbaseresnet.data.Sample;
import io.github.mbaseresnet.data.bp4dplus.Bp4dPlusReader;
import io.github.mbaseresnet.data.bu3dfe.Bu3dfeReader;
import io.github.mbaseresnet.data.ckplus.CkPlusReader;
import io.github.mbaseresnet.data.folders.FolderPerClassReader;
import io.github.mbaseresnet.data.jaffe.JaffeReader;
import io.github.mbaseresnet.data.mmi.MmiReader;
import io.github.mbaseresnet.data.oulu.OuluCasiaReader;
import io.github.mbaseresnet.data.synthetic.SyntheticConfig;
import io.github.mbaseresnet.data.synthetic.SyntheticDataset;
import io.github.mbaseresnet.data.synthetic.SyntheticReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a dataset's samples: the embedded one is generated into the cache, the licensed ones are read from the
 * folder the user configured, with the reader for their distributed layout, and checked against datasets.lock.
 */
public final class DatasetSource {
    private final HarnessSettings settings;

    public DatasetSource(HarnessSettings settings) {
        this.settings = settings;
    }

    /**
     * A dataset copy that was read and checked.
     *
     * @param excluded what the reader and the image check left out, with their reasons (to be reported)
     * @param images   the image sizes and band counts found, or why they were not checked
     */
    public record LoadedDataset(DatasetId id, Path root, List<Sample> samples, Manifest manifest,
            LockCheck lockCheck, List<Exclusion> excluded, String images) {
        public LoadedDataset {
            samples = List.copyOf(samples);
            excluded = List.copyOf(excluded);
        }

        /** The aggregate hash pinned as {@code manifest_sha256} in datasets.lock. */
        public String manifestSha256() {
            return manifest.sha256();
        }

        /** e.g. {@code 266 × sequence has no Emotion label file ...; 5 × subject has no labelled sequence}. */
        public String exclusionSummary() {
            return new ReadResult(List.of(), excluded).describeExclusions();
        }
    }

    /** Empty when the user has not pointed the harness at this dataset. */
    public Optional<LoadedDataset> load(DatasetId id) {
        if (id == DatasetId.SYNTHETIC) {
            Path root = new SyntheticDataset(SyntheticConfig.DEFAULT).materialize(settings.cacheDir());
            List<Sample> samples = new SyntheticReader().read(root);
            return Optional.of(new LoadedDataset(id, root, samples, manifest(root, samples),
                    new LockCheck(List.of()), List.of(), "generated"));
        }
        Optional<Path> root = settings.datasetRoot(id);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        DatasetReader reader = reader(id, root.get());
        ReadResult read = reader.scan(root.get());
        String images = "not checked (fer.images.check=false)";
        if (settings.checkImages()) {
            ImageCheck.Outcome checked = new ImageCheck(reader.expectedSizes()).apply(read);
            read = checked.read();
            images = checked.survey();
        }
        List<Sample> samples = read.samples();
        Manifest manifest = manifest(root.get(), samples);
        LockEntry entry = lock().datasets().get(id.key());
        LockCheck check = entry == null ? new LockCheck(List.of()) : LockCheck.verify(entry, samples, manifest);
        if (!check.ok() && settings.enforceLock()) {
            throw new DatasetException(root.get(), "this copy of " + id.displayName() + " differs from "
                    + settings.lockFile() + ": " + check.mismatches() + " (left out: " + read.describeExclusions()
                    + "). Results on it would not be comparable with the paper's; set -Dfer.lock.enforce=false to "
                    + "run anyway (the report then says so).");
        }
        return Optional.of(new LoadedDataset(id, root.get(), samples, manifest, check, read.excluded(),
                images));
    }

    /** What the skip message of a test on a missing dataset says. */
    public static String missingMessage(DatasetId id) {
        return id.displayName() + " is not configured: set -D" + id.property() + "=<folder> (or the environment "
                + "variable " + HarnessSettings.environmentName(id.property()) + "). " + id.obtainHint() + ".";
    }

    private DatasetLock lock() {
        return DatasetLock.load(settings.lockFile());
    }

    /** Hashed once per version of the copy: unchanged files' hashes come from the cache (ManifestCache). */
    private Manifest manifest(Path root, List<Sample> samples) {
        return new ManifestCache(settings.cacheDir()).of(root, samples.stream().map(Sample::image).distinct()
                .toList());
    }

    /** The reader for the copy's layout: its distributed one, or a folder-per-class copy (fer.layout.<dataset>). */
    DatasetReader reader(DatasetId id, Path root) {
        String layout = settings.layout(id);
        boolean folders = layout.equals("folders") || (layout.equals("auto") && id != DatasetId.SYNTHETIC
                && Files.isDirectory(root) && FolderPerClassReader.looksLikeClassFolders(root));
        if (folders) {
            return new FolderPerClassReader(id, new FolderPerClassReader.Options(settings.folderPattern(),
                    folderClasses(id)));
        }
        return switch (id) {
            case JAFFE -> new JaffeReader();
            case CKPLUS -> new CkPlusReader(settings.ckplus());
            case OULU_CASIA -> new OuluCasiaReader(settings.oulu());
            case MMI -> new MmiReader(settings.mmi());
            case BU3DFE -> new Bu3dfeReader(settings.bu3dfe());
            case BP4DPLUS -> new Bp4dPlusReader(settings.bp4dplus());
            case SYNTHETIC -> new SyntheticReader();
        };
    }

    /**
     * Classes a folder-per-class copy gives: for CK+ (CK+48 holds contempt) the same set as the distributed
     * reader's settings, so that the copy matches datasets.lock; every class folder for the others.
     */
    private Set<Expression> folderClasses(DatasetId id) {
        if (id != DatasetId.CKPLUS) {
            return EnumSet.allOf(Expression.class);
        }
        Set<Expression> classes = EnumSet.copyOf(ClassSet.SIX_BASIC.expressions());
        if (settings.ckplus().contempt()) {
            classes.add(Expression.CONTEMPT);
        }
        if (settings.ckplus().neutral()) {
            classes.add(Expression.NEUTRAL);
        }
        return classes;
    }
}
