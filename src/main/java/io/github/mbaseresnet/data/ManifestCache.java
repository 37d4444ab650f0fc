package io.github.mbaseresnet.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes a dataset copy once per version (issue 4): each file's sha256 is kept with its size and modification time
 * in {@code <cache>/manifests/<copy>.tsv}, and reused while both are unchanged, so a 10-fold run over 1,440 images
 * does not re-read every byte of them for every table. A cache line that does not parse makes the whole cache
 * untrusted: everything is hashed again and the file rewritten (atomically: temporary file, then rename).
 */
public final class ManifestCache {
    private final Path cacheDir;
    private int hashed;

    public ManifestCache(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    public Manifest of(Path root, List<Path> files) {
        Path file = cacheDir.resolve("manifests").resolve(Manifest.sha256Of(root.toAbsolutePath().normalize()
                .toString()).substring(0, 16) + ".tsv");
        Map<String, String[]> cached = read(file);
        Map<String, String[]> now = new HashMap<>();
        AtomicInteger fresh = new AtomicInteger();
        Manifest manifest = Manifest.of(root, files, f -> {
            String key = f.toUri().toString();
            String stamp = stamp(f);
            String[] before = cached.get(key);
            String sha = before != null && before[0].equals(stamp) ? before[1] : null;
            if (sha == null) {
                sha = Manifest.sha256(f);
                fresh.incrementAndGet();
            }
            now.put(key, new String[] {stamp, sha});
            return sha;
        });
        hashed = fresh.get();
        if (hashed > 0 || now.size() != cached.size()) {
            write(file, now);
        }
        return manifest;
    }

    /** How many files the last {@link #of} call really read (the rest came from the cache). */
    public int filesHashed() {
        return hashed;
    }

    private static String stamp(Path f) {
        try {
            return Files.size(f) + "/" + Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            throw new DatasetException(f, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, String[]> read(Path file) {
        Map<String, String[]> entries = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t");
                if (parts.length != 3 || !parts[1].matches("[0-9a-f]{64}")) {
                    return new HashMap<>(); // corrupted: trust none of it
                }
                entries.put(parts[2], new String[] {parts[0], parts[1]});
            }
        } catch (IOException e) {
            return new HashMap<>();
        }
        return entries;
    }

    private static void write(Path file, Map<String, String[]> entries) {
        StringBuilder sb = new StringBuilder();
        entries.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sb.append(e.getValue()[0])
                .append('\t').append(e.getValue()[1]).append('\t').append(e.getKey()).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // a cache that cannot be written (read-only or full disk) only costs time: hash again next run
            warnNotWritten(file, e);
        }
    }

    private static void warnNotWritten(Path file, IOException e) {
        System.err.println("warning: manifest cache " + file + " not written (" + e.getMessage()
                + "); files will be hashed again next time");
    }
}
