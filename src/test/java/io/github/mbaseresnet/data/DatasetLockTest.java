package io.github.mbaseresnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mbaseresnet.data.jaffe.JaffeFixture;
import io.github.mbaseresnet.data.jaffe.JaffeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLockTest {
    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void manifestHashesSortedLinesOfRelativePaths() throws Exception {
        Path b = Files.writeString(dir.resolve("b.tiff"), "bee");
        Path a = Files.writeString(dir.resolve("a.tiff"), "abc");
        Path c = Files.writeString(Files.createDirectory(dir.resolve("sub")).resolve("c.tiff"), "");

        Manifest manifest = Manifest.of(dir, List.of(b, c, a));

        String lines = SHA256_OF_ABC + "  a.tiff\n" + hex("bee") + "  b.tiff\n" + hex("") + "  sub/c.tiff\n";
        assertThat(manifest.fileSha256()).containsExactly(Map.entry("a.tiff", SHA256_OF_ABC),
                Map.entry("b.tiff", hex("bee")), Map.entry("sub/c.tiff", hex("")));
        assertThat(manifest.sha256()).isEqualTo(hex(lines));
    }

    @Test
    void manifestRejectsAFileOutsideTheRoot() throws IOException {
        Path root = Files.createDirectory(dir.resolve("jaffe"));
        Path outside = Files.writeString(dir.resolve("stray.tiff"), "x");

        assertThatThrownBy(() -> Manifest.of(root, List.of(outside)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("stray.tiff");
    }

    @Test
    void loadsTheRepositoryLockFile() {
        DatasetLock lock = DatasetLock.load(Path.of("datasets.lock"));

        LockEntry jaffe = lock.datasets().get("jaffe");
        assertThat(jaffe.files()).isEqualTo(213);
        assertThat(jaffe.classes()).isEqualTo(JaffeFixture.CLASS_COUNTS);
        assertThat(jaffe.subjects()).isEqualTo(10);
        assertThat(jaffe.manifestSha256())
                .isEqualTo("6b0b60d8369adfee28844b6a55d750d685a6f1f33ccc71d5292225bccbbc3689");
        LockEntry synthetic = lock.datasets().get("synthetic");
        assertThat(synthetic.files()).isNull();
        assertThat(synthetic.manifestSha256()).isNull();
        assertThat(lock.datasets().keySet())
                .containsExactly("jaffe", "ckplus", "oulu", "mmi", "bu3dfe", "bp4dplus", "synthetic");
        LockEntry ckplus = lock.datasets().get("ckplus");
        assertThat(ckplus.files()).isEqualTo(927);
        assertThat(ckplus.classes()).containsEntry("AN", 135).containsEntry("SU", 249).hasSize(6);
        assertThat(ckplus.manifestSha256()).isNull();
        assertThat(lock.datasets().get("oulu").files()).isEqualTo(1440);
        assertThat(lock.datasets().get("bu3dfe").classes().values()).containsOnly(200);
        assertThat(lock.datasets().get("mmi").files()).isNull();
    }

    @Test
    void malformedYamlNamesTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.lock"), "datasets:\n  jaffe:\n    files: 213\n   layout: [x\n");

        assertThatThrownBy(() -> DatasetLock.load(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("broken.lock")
                .hasMessageContaining("not a valid lock file")
                .hasMessageContaining("line ");
    }

    @Test
    void unknownKeyIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("typo.lock"), "datasets:\n  jaffe:\n    manifest_sha: abc\n");

        assertThatThrownBy(() -> DatasetLock.load(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("typo.lock")
                .hasMessageContaining("unknown key 'manifest_sha'")
                .hasMessageContaining("manifest_sha256");
    }

    @Test
    void emptyLockFileIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.lock"), "# nothing\n");

        assertThatThrownBy(() -> DatasetLock.load(file)).hasMessageContaining("lists no datasets");
    }

    @Test
    void verifyReportsExactlyTheClassCountThatIsOff() {
        Path root = JaffeFixture.write(dir.resolve("jaffe"));
        List<Sample> samples = new JaffeReader().read(root);
        Manifest manifest = Manifest.of(root, samples.stream().map(Sample::image).toList());
        Map<String, Integer> classes = new HashMap<>(JaffeFixture.CLASS_COUNTS);

        assertThat(LockCheck.verify(entry(classes, manifest.sha256()), samples, manifest).ok()).isTrue();

        classes.put("FE", 33);
        LockCheck check = LockCheck.verify(entry(classes, manifest.sha256()), samples, manifest);

        assertThat(check.ok()).isFalse();
        assertThat(check.mismatches()).containsExactly(new LockCheck.Mismatch("classes.FE", "33", "32"));
        assertThat(check.mismatches().get(0)).hasToString("classes.FE: expected 33, found 32");
    }

    @Test
    void verifyReportsCountsAndHashOfAnIncompleteCopy() throws IOException {
        Path root = JaffeFixture.write(dir.resolve("jaffe"));
        Manifest full = Manifest.of(root, new JaffeReader().read(root).stream().map(Sample::image).toList());
        Files.delete(root.resolve("KA.AN1.1.tiff"));
        List<Sample> samples = new JaffeReader().read(root);
        Manifest manifest = Manifest.of(root, samples.stream().map(Sample::image).toList());

        LockCheck check = LockCheck.verify(entry(JaffeFixture.CLASS_COUNTS, full.sha256()), samples, manifest);

        assertThat(check.mismatches()).containsExactly(
                new LockCheck.Mismatch("files", "213", "212"),
                new LockCheck.Mismatch("classes.AN", "30", "29"),
                new LockCheck.Mismatch("manifest_sha256", full.sha256(), manifest.sha256()));
    }

    @Test
    void aNullHashOrCountIsNotPinned() {
        Path root = JaffeFixture.write(dir.resolve("jaffe"));
        List<Sample> samples = new JaffeReader().read(root);
        Manifest manifest = Manifest.of(root, samples.stream().map(Sample::image).toList());

        LockEntry unpinned = new LockEntry("flat", null, null, null, null, "no public checksum");

        assertThat(LockCheck.verify(unpinned, samples, manifest).ok()).isTrue();
        assertThat(LockCheck.verify(entry(JaffeFixture.CLASS_COUNTS, null), samples, manifest).ok()).isTrue();
    }

    @Test
    void aPerFileManifestNamesTheMissingExtraAndChangedFiles() throws IOException {
        Path root = Files.createDirectories(dir.resolve("perfile"));
        List<Path> files = List.of(Files.writeString(root.resolve("b.tiff"), "b"),
                Files.writeString(root.resolve("c.tiff"), "c"), Files.writeString(root.resolve("d.tiff"), "d"));
        Manifest actual = Manifest.of(root, files);
        // pinned: a (now missing), b (unchanged), c (other bytes); d is extra
        Map<String, String> pinned = Map.of("a.tiff", "11".repeat(32), "b.tiff", actual.fileSha256().get("b.tiff"),
                "c.tiff", "99".repeat(32));
        LockEntry entry = new LockEntry("flat", null, null, null, "0".repeat(64), "test", pinned);
        assertThat(LockCheck.verify(entry, List.of(), actual).mismatches()).extracting(Object::toString)
                .containsExactly("manifest_sha256: expected " + "0".repeat(64) + ", found " + actual.sha256(),
                        "missing files: expected none, found 1 [a.tiff]",
                        "extra files: expected none, found 1 [d.tiff]",
                        "changed files: expected none, found 1 [c.tiff]");
    }

    @Test
    void withEntryReplacesOnlyThatEntryAndKeepsEveryComment() {
        String lock = """
                # header comment
                datasets:
                  jaffe:
                    layout: "flat"   # kept? no: this entry is rewritten
                    files: 213
                  # a comment between entries
                  ckplus:
                    layout: "tree"
                """;
        String updated = DatasetLock.withEntry(lock, "jaffe", new LockEntry("flat", 5, Map.of("AN", 5), 1,
                "ab".repeat(32), "relocked", Map.of("KA.AN1.39.tiff", "cd".repeat(32))));
        assertThat(updated).startsWith("# header comment\ndatasets:\n  jaffe:\n    layout: \"flat\"\n    files: 5\n")
                .contains("    manifest:\n      KA.AN1.39.tiff: \"" + "cd".repeat(32) + "\"")
                .contains("  # a comment between entries\n  ckplus:\n    layout: \"tree\"\n")
                .doesNotContain("213");
        assertThat(DatasetLock.withEntry(lock, "bu3dfe", new LockEntry("x", 1, null, null, null, "s")))
                .startsWith(lock).endsWith("  bu3dfe:\n    layout: \"x\"\n    files: 1\n    source: \"s\"\n");
    }

    private static LockEntry entry(Map<String, Integer> classes, String sha256) {
        return new LockEntry("flat", 213, classes, 10, sha256, "test");
    }

    private static String hex(String text) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
