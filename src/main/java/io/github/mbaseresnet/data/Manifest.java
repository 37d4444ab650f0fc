package io.github.mbaseresnet.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The sha256 of each file a protocol uses and their aggregate: sha256 over the UTF-8 concatenation of the lines
 * {@code "<sha256>  <relative path>\n"} sorted by relative path ('/' separators). For JAFFE the relative path is
 * the file name (DATASETS.md §6); an entry of a zip archive is {@code <archive path>!/<entry>}.
 */
public final class Manifest {
    private final SortedMap<String, String> fileSha256;
    private final String sha256;

    private Manifest(SortedMap<String, String> fileSha256) {
        this.fileSha256 = Collections.unmodifiableSortedMap(fileSha256);
        StringBuilder lines = new StringBuilder();
        fileSha256.forEach((path, hash) -> lines.append(hash).append("  ").append(path).append('\n'));
        this.sha256 = HexFormat.of().formatHex(digest().digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Hashes {@code files}, each of which must lie under {@code root}.
     *
     * @throws DatasetException naming a file that is outside {@code root} or cannot be read
     */
    public static Manifest of(Path root, List<Path> files) {
        return of(root, files, Manifest::sha256);
    }

    /** As {@link #of(Path, List)}, with each file's sha256 from {@code hasher} (e.g. a {@link ManifestCache}). */
    static Manifest of(Path root, List<Path> files, java.util.function.Function<Path, String> hasher) {
        Path base = root.toAbsolutePath().normalize();
        SortedMap<String, String> hashes = new TreeMap<>();
        for (Path file : files) {
            Optional<Path> archive = ZipArchives.archiveOf(file);
            Path abs = archive.orElse(file).toAbsolutePath().normalize();
            if (!abs.startsWith(base) || abs.equals(base)) {
                throw new DatasetException(file, "is not inside the dataset folder " + root);
            }
            // A zip entry is named after its archive: "2D+3D/F001.zip!/F001/T1/0001.jpg" (BP4D+, DATASETS.md §5).
            String relative = relativePath(base.relativize(abs))
                    + archive.map(a -> "!/" + relativePath(file.toAbsolutePath().normalize())).orElse("");
            hashes.put(relative, hasher.apply(file));
        }
        return new Manifest(hashes);
    }

    /** sha256 (lower-case hex) per relative path, sorted by path. */
    public SortedMap<String, String> fileSha256() {
        return fileSha256;
    }

    /** The aggregate hash pinned as {@code manifest_sha256} in {@code datasets.lock}. */
    public String sha256() {
        return sha256;
    }

    private static String relativePath(Path relative) {
        StringBuilder s = new StringBuilder();
        for (Path part : relative) {
            s.append(s.length() == 0 ? "" : "/").append(part);
        }
        return s.toString();
    }

    /** sha256 (lower-case hex) of a string's UTF-8 bytes. */
    public static String sha256Of(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256(Path file) {
        MessageDigest md = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new DatasetException(file, "could not be read for hashing (" + e.getMessage() + ")", e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
