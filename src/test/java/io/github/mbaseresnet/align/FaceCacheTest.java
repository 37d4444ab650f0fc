package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.GrayImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The cache file on its own: exact round trips, compactness, corrupt files rebuilt, unwritable folders. */
class FaceCacheTest {
    private static final int SIDE = 8;
    private static final FaceCache.Key KEY = new FaceCache.Key("jaffe", "m".repeat(64), "s".repeat(64),
            "centre-crop(0.7)->8x8", "none", SIDE, List.of("AN", "HA"));

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();
    private final AtomicInteger alignments = new AtomicInteger();

    /** Two gray-byte faces (k / 255) and one whose pixels are not multiples of 1/255 (stored as float32). */
    private Supplier<FacePreparation.Prepared> faces() {
        return () -> {
            alignments.incrementAndGet();
            float[] a = new float[SIDE * SIDE];
            float[] b = new float[SIDE * SIDE];
            float[] c = new float[SIDE * SIDE];
            for (int i = 0; i < a.length; i++) {
                a[i] = (i * 3 % 256) / 255f;
                b[i] = (255 - i) / 255f;
                c[i] = i / 1000f + 0.0001f;
            }
            return new FacePreparation.Prepared(List.of(new Face("KA.AN1.39", "KA", 0, new GrayImage(SIDE, SIDE, a)),
                    new Face("KL.HA2.12", "KL", 1, new GrayImage(SIDE, SIDE, b)),
                    new Face("ckplus/S005_001", "S005", 1, new GrayImage(SIDE, SIDE, c))),
                    Map.of("ckplus-68", 1, "none", 2), new java.util.LinkedHashMap<>(Map.of(
                            "/data/jaffe/KA.AN1.39.tiff", "none", "/data/jaffe/KL.HA2.12.tiff", "none",
                            "/data/F001.zip!/F001/T1/0001.jpg", "ckplus-68")));
        };
    }

    private FaceCache cache(Path folder) {
        return new FaceCache(folder, log::add);
    }

    private static void assertSame(FacePreparation.Prepared actual, FacePreparation.Prepared expected) {
        assertThat(actual.alignedBy()).isEqualTo(expected.alignedBy());
        assertThat(actual.sourceByImage()).containsExactlyEntriesOf(expected.sourceByImage());
        assertThat(actual.faces()).hasSameSizeAs(expected.faces());
        for (int i = 0; i < expected.faces().size(); i++) {
            Face a = actual.faces().get(i);
            Face e = expected.faces().get(i);
            assertThat(List.of(a.id(), a.subject(), a.label())).isEqualTo(List.of(e.id(), e.subject(), e.label()));
            assertThat(Arrays.equals(a.pixels().pixels(), e.pixels().pixels())).as(e.id()).isTrue();
        }
    }

    @Test
    void theSecondLookupReadsTheFileAndGivesBackTheSameFacesBitForBit() throws IOException {
        FaceCache.Lookup first = cache(dir).get(KEY, faces());
        FaceCache.Lookup second = cache(dir).get(KEY, faces());

        assertThat(first.status()).isEqualTo(FaceCache.Status.BUILT);
        assertThat(second.status()).isEqualTo(FaceCache.Status.HIT);
        assertThat(alignments).hasValue(1);
        assertSame(second.prepared(), faces().get());
        assertThat(second.file()).contains(dir.resolve(KEY.fileName()));
        // compact: two faces as bytes (64 each), one as floats (256); the rest is the key and the names
        assertThat(Files.size(second.file().orElseThrow())).isLessThan(2 * 64 + 256 + 600);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve(KEY.fileName())); // no temporary file left
        }
        assertThat(log).isEmpty();
    }

    @Test
    void anotherKeyIsAnotherFileAndNeverAHit() {
        cache(dir).get(KEY, faces());
        FaceCache.Key otherSize = new FaceCache.Key(KEY.dataset(), KEY.manifest(), KEY.samples(), KEY.aligner(),
                KEY.landmarks(), SIDE + 1, KEY.classes());
        assertThat(otherSize.fileName()).isNotEqualTo(KEY.fileName()).startsWith("jaffe-").endsWith(".faces");
        assertThat(cache(dir).get(withLandmarks("opencv"), faces()).status()).isEqualTo(FaceCache.Status.BUILT);
    }

    private static FaceCache.Key withLandmarks(String landmarks) {
        return new FaceCache.Key(KEY.dataset(), KEY.manifest(), KEY.samples(), KEY.aligner(), landmarks, KEY.size(),
                KEY.classes());
    }

    @Test
    void aFileHoldingAnotherKeyUnderThisNameIsRebuilt() throws IOException {
        Path file = cache(dir).get(withLandmarks("other"), faces()).file().orElseThrow();
        Files.move(file, dir.resolve(KEY.fileName())); // as if two keys' hashes began alike
        assertThat(cache(dir).get(KEY, faces()).status()).isEqualTo(FaceCache.Status.REBUILT);
        assertThat(log).singleElement().asString().contains("written for another key");
    }

    @Test
    void aFlippedByteIsCaughtByTheChecksumAndTheFileRebuilt() throws IOException {
        Path file = cache(dir).get(KEY, faces()).file().orElseThrow();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 100] ^= 0x01; // one bit of the last face's pixels
        Files.write(file, bytes);

        FaceCache.Lookup again = cache(dir).get(KEY, faces());

        assertThat(again.status()).isEqualTo(FaceCache.Status.REBUILT);
        assertThat(alignments).hasValue(2);
        assertThat(log).singleElement().asString().contains(file.toString()).contains("checksum mismatch")
                .contains("aligning again");
        assertSame(again.prepared(), faces().get());
        assertThat(cache(dir).get(KEY, faces()).status()).isEqualTo(FaceCache.Status.HIT); // the new file is sound
    }

    @Test
    void truncatedFilesAndFilesWithSomethingElseInThemAreRebuilt() throws IOException {
        Path file = cache(dir).get(KEY, faces()).file().orElseThrow();
        byte[] bytes = Files.readAllBytes(file);
        List<byte[]> damaged = List.of(Arrays.copyOf(bytes, bytes.length / 2), Arrays.copyOf(bytes, bytes.length - 1),
                Arrays.copyOf(bytes, bytes.length + 1), new byte[0], "not a cache".getBytes());
        for (byte[] d : damaged) {
            Files.write(file, d);
            assertThat(cache(dir).get(KEY, faces()).status()).isEqualTo(FaceCache.Status.REBUILT);
            assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        }
        assertThat(log).hasSize(damaged.size());
        assertThat(log.get(0)).contains("truncated");
        assertThat(log.get(1)).contains("truncated");
        assertThat(log.get(2)).contains("unexpected bytes after the checksum");
        assertThat(log.get(3)).contains("truncated");
        assertThat(log.get(4)).contains("not a face cache file");
    }

    @Test
    void aFolderUnderARegularFileCannotBeWrittenSoTheRunGoesOnUncachedWithAWarning() throws IOException {
        Path folder = Files.writeString(dir.resolve("a-file"), "x").resolve("faces");

        FaceCache.Lookup lookup = cache(folder).get(KEY, faces());

        assertThat(lookup.status()).isEqualTo(FaceCache.Status.UNCACHED);
        assertSame(lookup.prepared(), faces().get());
        assertThat(log).singleElement().asString().startsWith("warning: the face cache folder " + folder)
                .contains("(" + folder + ": Not a directory)")
                .contains("fer.cache.dir").contains("fer.cache.enabled=false");
    }

    @Test
    void aReadOnlyFolderIsWarnedAboutAndLeftWithoutAHalfWrittenFile() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(folder), "running as root: a read-only folder is still writable "
                    + "(the regular-file test above covers an unwritable folder)");
            FaceCache.Lookup lookup = cache(folder).get(KEY, faces());
            assertThat(lookup.status()).isEqualTo(FaceCache.Status.UNCACHED);
            assertSame(lookup.prepared(), faces().get());
            assertThat(log).singleElement().asString().contains(folder.toString());
            try (var files = Files.list(folder)) {
                assertThat(files).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
