package io.github.mbaseresnet.align;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The demo photographs of the npm package {@code @vladmandic/face-api} (MIT; six group photos, 1920 px wide), fetched
 * with {@code npm pack} into {@code fer.test.photos} (default {@code target/test-cache/face-api}) the first time and
 * reused after; only {@code demo/sample*.jpg} is extracted and nothing is committed. Without npm or the network the
 * calling test is skipped, saying so.
 */
public final class FaceApiPhotos {
    /** Pinned, so that the photos (and what the tests measured on them) do not change under the tests. */
    static final String PACKAGE = "@vladmandic/face-api@1.7.15";
    static final int COUNT = 6;

    private FaceApiPhotos() {
    }

    /** sample1.jpg … sample6.jpg, fetched if needed; aborts the test (skipped) when they cannot be fetched. */
    public static List<Path> photos() {
        Path dir = Path.of(System.getProperty("fer.test.photos", "target/test-cache/face-api"));
        List<Path> photos = IntStream.rangeClosed(1, COUNT).mapToObj(i -> dir.resolve("sample" + i + ".jpg")).toList();
        if (photos.stream().allMatch(Files::isRegularFile)) {
            return photos;
        }
        try {
            Files.createDirectories(dir);
            Path work = Files.createTempDirectory(dir, ".npm-pack");
            Process npm = new ProcessBuilder("npm", "pack", PACKAGE, "--pack-destination",
                    work.toAbsolutePath().toString()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("npm.log").toFile()).start();
            boolean done = npm.waitFor(180, TimeUnit.SECONDS);
            if (!done) {
                npm.destroyForcibly();
            }
            Path tarball;
            try (var files = Files.list(work)) {
                tarball = files.filter(f -> f.toString().endsWith(".tgz")).findFirst().orElse(null);
            }
            String log = log(work.resolve("npm.log"));
            if (done && npm.exitValue() == 0 && tarball != null) {
                extractSamples(tarball, dir);
            }
            deleteTree(work);
            Assumptions.assumeTrue(photos.stream().allMatch(Files::isRegularFile), () -> "skipped: `npm pack "
                    + PACKAGE + "` did not fetch the demo photographs (no network or registry?): " + log);
        } catch (IOException e) {
            Assumptions.abort("skipped: cannot run `npm pack " + PACKAGE + "` (is npm installed?): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Assumptions.abort("skipped: interrupted while fetching " + PACKAGE);
        }
        return photos;
    }

    /** Copies package/demo/sample*.jpg out of the npm tarball, each atomically (temp file, then rename). */
    private static void extractSamples(Path tarball, Path dir) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry e = tar.getNextTarEntry(); e != null; e = tar.getNextTarEntry()) {
                if (e.isFile() && e.getName().matches("package/demo/sample\\d+\\.jpg")) {
                    Path tmp = Files.createTempFile(dir, ".photo", ".tmp");
                    Files.copy(tar, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, dir.resolve(Path.of(e.getName()).getFileName()),
                            StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String log(Path file) {
        try {
            String text = Files.isRegularFile(file) ? Files.readString(file).strip() : "";
            return text.substring(Math.max(0, text.length() - 400));
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
