package io.github.mbaseresnet.data;

import java.nio.file.Path;
import java.util.List;

/** Reads one dataset from its distributed on-disk layout. One implementation per dataset. */
public interface DatasetReader {

    /**
     * Lists every labelled sample under {@code root}, sorted by image path.
     *
     * @throws DatasetException naming the file and the problem when the copy is missing, empty or malformed;
     *                          never skips a file it cannot understand silently.
     */
    List<Sample> read(Path root);
}
