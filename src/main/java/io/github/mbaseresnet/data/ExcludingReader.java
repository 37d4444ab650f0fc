package io.github.mbaseresnet.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A reader whose protocol leaves inputs out (unlabelled sequences, other intensities, unmapped tasks): it implements
 * {@link #scan}, with the exclusions, and {@link #read} is its samples.
 */
public interface ExcludingReader extends DatasetReader {

    @Override
    ReadResult scan(Path root);

    @Override
    default List<Sample> read(Path root) {
        return scan(root).samples();
    }
}
