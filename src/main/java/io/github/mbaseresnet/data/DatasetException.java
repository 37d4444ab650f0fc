package io.github.mbaseresnet.data;

import java.nio.file.Path;

/**
 * A problem with a user's dataset copy: the message names the file and what is wrong with it, so that it can be
 * shown to the user as is (no stack trace needed). A zip entry is named with its archive
 * ({@code F001.zip!/F001/T1/0001.jpg}).
 */
public class DatasetException extends RuntimeException {
    private final transient Path file;

    public DatasetException(Path file, String problem) {
        this(file, problem, null);
    }

    public DatasetException(Path file, String problem, Throwable cause) {
        super(ZipArchives.describe(file) + ": " + problem, cause);
        this.file = file;
    }

    /** The file or folder the problem is about. */
    public Path file() {
        return file;
    }
}
