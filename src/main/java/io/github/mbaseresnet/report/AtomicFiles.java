package io.github.mbaseresnet.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/**
 * Writes that never leave a half-written file behind: write a temporary sibling, then rename it into place. The file
 * keeps the permissions of the one it replaces; a new one gets the mode any program's new file gets under the user's
 * umask (rw-r--r-- under the usual 022; {@code Files.createTempFile} would make it owner-only, and reports and
 * ledgers are published for others to read). A target that is
 * a symbolic link is written through: the file it points to is replaced, the link stays (renaming onto the link would
 * replace the link itself and leave the file it points to stale, e.g. a ledger linked into a shared folder).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) {
        write(target, out -> out.write(content));
    }

    /** What writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Streams {@code content} into the temporary sibling (large files need not fit in memory), then renames it. */
    public static void write(Path file, Content content) {
        try {
            Path target = Files.isSymbolicLink(file) && Files.exists(file) ? file.toRealPath() : file;
            if (Files.isDirectory(target)) { // the rename's message would name the temporary file
                throw new FileSystemException(target.toString(), null, "is a folder, not a file");
            }
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                    content.writeTo(out);
                }
                PosixFileAttributeView posix = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
                if (posix != null && Files.exists(target)) {
                    posix.setPermissions(Files.getPosixFilePermissions(target));
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + reason(e), e);
        }
    }

    /** What went wrong, with the file it happened to: Java's messages for these exceptions are the bare path. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + ": a file is in the way (a folder is needed there)";
        }
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file or folder";
        }
        return e.getMessage();
    }
}
