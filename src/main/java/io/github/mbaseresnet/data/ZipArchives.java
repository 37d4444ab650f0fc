package io.github.mbaseresnet.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Paths into zip archives, so that a dataset shipped as zips (BP4D+ {@code 2D+3D/F001.zip}, DATASETS.md §5) is read
 * without unpacking: each sample's image is a path inside the archive's zip file system.
 */
public final class ZipArchives {
    private ZipArchives() {
    }

    /**
     * Opens {@code zip} as a read-only file system. It is not closed by the reader: the samples' image paths point
     * into it and stay readable as long as they are referenced.
     *
     * @throws DatasetException naming the archive when it cannot be opened as a zip
     */
    public static FileSystem open(Path zip) {
        try {
            return FileSystems.newFileSystem(zip);
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(zip, "is not a readable zip archive (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); re-copy it from the distribution "
                    + "or unpack it next to the other subjects", e);
        }
    }

    /** The archive {@code path} lies in, or empty for a path of the default file system. */
    public static Optional<Path> archiveOf(Path path) {
        if (path.getFileSystem() == FileSystems.getDefault()) {
            return Optional.empty();
        }
        URI uri = path.toUri();
        String spec = uri.getRawSchemeSpecificPart();
        int separator = spec.indexOf("!/");
        if (!"jar".equalsIgnoreCase(uri.getScheme()) || separator < 0) {
            return Optional.empty();
        }
        return Optional.of(Path.of(URI.create(spec.substring(0, separator))));
    }

    /** {@code /data/2D+3D/F001.zip!/F001/T1/0001.jpg} for an entry, the plain path otherwise: for messages and sorting. */
    public static String describe(Path path) {
        return archiveOf(path).map(zip -> zip + "!" + path.toAbsolutePath()).orElse(path.toString());
    }
}
