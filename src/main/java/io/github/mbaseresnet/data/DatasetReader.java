package io.github.mbaseresnet.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Reads one dataset from its distributed on-disk layout. One implementation per dataset. */
public interface DatasetReader {

    /**
     * Lists every labelled sample under {@code root}, sorted by image path. Readers whose protocol leaves inputs out
     * (unlabelled sequences, other intensities) return only the samples here; {@link #scan} has the exclusions too.
     *
     * @throws DatasetException naming the file and the problem when the copy is missing, empty or malformed;
     *                          never skips a file it cannot understand silently.
     */
    List<Sample> read(Path root);

    /**
     * The samples and the inputs left out, counted per reason, for the caller to report. Readers that exclude
     * nothing (JAFFE) need not override it.
     *
     * @throws DatasetException as {@link #read}
     */
    default ReadResult scan(Path root) {
        return ReadResult.of(read(root));
    }

    /**
     * The image sizes this layout is documented to have (DATASETS.md); an image of another size is excluded and
     * counted by {@link ImageCheck}. Empty (the default) when the sizes are not known well enough to check.
     */
    default Set<ImageSize> expectedSizes() {
        return Set.of();
    }
}
