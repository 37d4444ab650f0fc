package io.github.mbaseresnet.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** {@link AtomicFiles}: whole files or none, readable by others like any published file, no temporary left over. */
class AtomicFilesTest {

    @Test
    void aNewFileGetsTheModeOfAnyNewFileAndAReplacedOneKeepsItsOwn(@TempDir Path dir) throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path plain = Files.createFile(dir.resolve("plain")); // the mode the umask gives (rw-r--r-- under 022)
        Path report = dir.resolve("report.md");
        AtomicFiles.write(report, "first");
        // Files.createTempFile would have made it rw------- whatever the umask
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(Files.getPosixFilePermissions(plain));
        Files.delete(plain);

        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(report, "second");
        assertThat(Files.readString(report)).isEqualTo("second");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-rw----");
        assertThat(dir.toFile().list()).containsExactly("report.md");
    }

    @Test
    void javasBarePathMessagesGetTheirReason() {
        // as root a read-only folder stays writable, so these are checked on the exceptions themselves
        assertThat(AtomicFiles.reason(new AccessDeniedException("/srv/reports/.report.md123.tmp")))
                .isEqualTo("/srv/reports/.report.md123.tmp: permission denied");
        assertThat(AtomicFiles.reason(new FileAlreadyExistsException("/srv/reports")))
                .isEqualTo("/srv/reports: a file is in the way (a folder is needed there)");
        assertThat(AtomicFiles.reason(new NoSuchFileException("/srv"))).isEqualTo("/srv: no such file or folder");
        assertThat(AtomicFiles.reason(new FileSystemException("/srv/x", null, "Read-only file system")))
                .isEqualTo("/srv/x: Read-only file system");
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporary(@TempDir Path dir) throws IOException {
        Path ledger = dir.resolve("ledger.csv");
        AtomicFiles.write(ledger, "old");
        assertThatThrownBy(() -> AtomicFiles.write(ledger, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).hasMessageContaining("cannot write " + ledger).hasMessageContaining("disk full");
        assertThat(Files.readString(ledger)).isEqualTo("old");
        assertThat(dir.toFile().list()).containsExactly("ledger.csv");
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink(@TempDir Path dir) throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared")).resolve("ledger.jsonl");
        Files.writeString(shared, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("ledger.jsonl"), Path.of("shared", "ledger.jsonl"));
        AtomicFiles.write(link, "old\nnew\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(shared)).isEqualTo("old\nnew\n");
        assertThat(dir.resolve("shared").toFile().list()).containsExactly("ledger.jsonl");
    }

    @Test
    void aFolderInTheWayIsNamedNotTheTemporaryFile(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("summary.md"));
        assertThatThrownBy(() -> AtomicFiles.write(folder, "x"))
                .hasMessage("cannot write " + folder + ": " + folder + ": is a folder, not a file");
        assertThat(dir.toFile().list()).containsExactly("summary.md");
    }
}
