package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.align.FaceAligner;
import io.github.mbaseresnet.align.FaceCache;
import io.github.mbaseresnet.align.FacePreparation;
import io.github.mbaseresnet.align.LandmarkSource;
import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.Manifest;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A loaded dataset's aligned faces under the configured alignment: from the face cache ({@code fer.cache.dir}) when it
 * is on and holds them, else aligned now and stored. Reproductions, {@code fer prepare} and the benchmarks all come
 * through here, so they share one cache.
 */
public final class PreparedFaces {
    private final HarnessSettings settings;
    private final Consumer<String> log;

    /** @param log told when a cache file is rebuilt or cannot be written */
    public PreparedFaces(HarnessSettings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    public FaceCache.Lookup of(DatasetSource.LoadedDataset dataset, FacePreparation.Progress progress) {
        ClassSet classes = settings.classes();
        FaceAligner aligner = settings.aligner(dataset.id());
        Supplier<FacePreparation.Prepared> align = () -> {
            try (LandmarkSource landmarks = settings.landmarks(dataset.id())) { // the detector is native: closed
                return new FacePreparation(aligner, landmarks).prepare(dataset.samples(), classes, progress);
            }
        };
        if (!settings.faceCacheEnabled()) {
            return new FaceCache.Lookup(align.get(), Optional.empty(), FaceCache.Status.OFF);
        }
        return new FaceCache(settings.faceCacheDir(), log).get(key(dataset), align);
    }

    /** The cache key of {@code dataset} under these settings: its files, its samples and the alignment. */
    public FaceCache.Key key(DatasetSource.LoadedDataset dataset) {
        ClassSet classes = settings.classes();
        String samples = Manifest.sha256Of(dataset.samples().stream().filter(s -> classes.contains(s.label()))
                .map(s -> s.image() + "\t" + s.subject() + "\t" + s.label().code() + "\t" + s.sequence() + "\t"
                        + s.frame() + "\n")
                .collect(Collectors.joining()));
        return new FaceCache.Key(dataset.id().key(), dataset.manifestSha256(), samples,
                settings.aligner(dataset.id()).describe(), settings.landmarkOrder(dataset.id()),
                settings.alignSize(), classes.codes());
    }
}
