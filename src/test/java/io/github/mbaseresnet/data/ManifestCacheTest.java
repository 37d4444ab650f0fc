package io.github.mbaseresnet.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestCacheTest {
    @TempDir
    Path dir;

    @Test
    void unchangedFilesAreHashedOnceAndAChangedOneAgain() throws Exception {
        Path root = Files.createDirectories(dir.resolve("copy"));
        Path a = Files.writeString(root.resolve("a.tiff"), "aaa");
        Path b = Files.writeString(root.resolve("b.tiff"), "bbb");
        ManifestCache cache = new ManifestCache(dir.resolve("cache"));

        Manifest first = cache.of(root, List.of(a, b));
        assertThat(cache.filesHashed()).isEqualTo(2);
        assertThat(first.sha256()).isEqualTo(Manifest.of(root, List.of(a, b)).sha256());

        assertThat(cache.of(root, List.of(a, b)).sha256()).isEqualTo(first.sha256());
        assertThat(cache.filesHashed()).isZero();

        Files.writeString(b, "BBB"); // same size, new content and time
        Files.setLastModifiedTime(b, FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() + 5000));
        Manifest changed = cache.of(root, List.of(a, b));
        assertThat(cache.filesHashed()).isEqualTo(1);
        assertThat(changed.sha256()).isEqualTo(Manifest.of(root, List.of(a, b)).sha256())
                .isNotEqualTo(first.sha256());
    }

    @Test
    void aCorruptedCacheIsIgnoredAndRebuilt() throws Exception {
        Path root = Files.createDirectories(dir.resolve("copy"));
        Path a = Files.writeString(root.resolve("a.tiff"), "aaa");
        ManifestCache cache = new ManifestCache(dir.resolve("cache"));
        String sha = cache.of(root, List.of(a)).sha256();
        try (var files = Files.list(dir.resolve("cache/manifests"))) {
            Files.writeString(files.findFirst().orElseThrow(), "garbage\n");
        }
        assertThat(cache.of(root, List.of(a)).sha256()).isEqualTo(sha);
        assertThat(cache.filesHashed()).isEqualTo(1);
        assertThat(cache.of(root, List.of(a)).sha256()).isEqualTo(sha);
        assertThat(cache.filesHashed()).isZero(); // rebuilt
    }
}
