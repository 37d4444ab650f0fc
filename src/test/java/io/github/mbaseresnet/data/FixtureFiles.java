package io.github.mbaseresnet.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Writes the files of generated dataset trees: tiny gray images (never faces) and text files, parents created. The
 * image bytes are encoded once per format and copied, so that a tree of hundreds of frames takes milliseconds.
 */
public final class FixtureFiles {
    private static final Map<String, byte[]> TINY = Map.of("png", encode("png", 4, 3), "jpg", encode("jpg", 4, 3),
            "bmp", encode("bmp", 4, 3));

    private FixtureFiles() {
    }

    /** A 4×3 gray image in {@code format} (png, jpg or bmp). */
    public static byte[] tiny(String format) {
        return TINY.get(format);
    }

    /** A gray image of the given size in {@code format}. */
    public static byte[] encode(String format, int width, int height) {
        BufferedImage img = TestImages.gray8(width, height, new int[width * height]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes {@code bytes} to {@code file}, creating its folders; returns the file. */
    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the image in the format its extension names ({@code .jpeg} as jpg). */
    public static Path image(Path file) {
        String ext = DatasetFolders.extension(file.getFileName().toString());
        return write(file, tiny(ext.equals("jpeg") ? "jpg" : ext));
    }

    public static Path text(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path folder(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts per key, sorted: for asserting per-class and per-subject counts exactly. */
    public static <T> Map<String, Integer> count(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.summingInt(x -> 1)));
    }
}
