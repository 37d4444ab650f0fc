package io.github.mbaseresnet.data.jaffe;

import io.github.mbaseresnet.data.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake JAFFE folder with the real naming and the real per-class and per-subject counts (DATASETS.md §6); every
 * image is the same tiny 4x4 gray TIFF, never a face.
 */
public final class JaffeFixture {
    public static final List<String> CODES = List.of("AN", "DI", "FE", "HA", "NE", "SA", "SU");
    public static final Map<String, Integer> CLASS_COUNTS = Map.of(
            "AN", 30, "DI", 29, "FE", 32, "HA", 31, "NE", 30, "SA", 31, "SU", 30);
    public static final Map<String, Integer> SUBJECT_COUNTS = Map.of(
            "KA", 23, "KL", 22, "KM", 22, "KR", 20, "MK", 21, "NA", 21, "NM", 20, "TM", 21, "UY", 21, "YM", 22);

    /** Takes per poser and expression (columns in {@link #CODES} order); rows and columns sum to the counts above. */
    private static final Map<String, int[]> TAKES = new LinkedHashMap<>();

    static {
        TAKES.put("KA", new int[] {3, 3, 4, 4, 3, 3, 3});
        TAKES.put("KL", new int[] {3, 3, 4, 3, 3, 3, 3});
        TAKES.put("KM", new int[] {3, 3, 3, 3, 3, 4, 3});
        TAKES.put("KR", new int[] {3, 2, 3, 3, 3, 3, 3});
        TAKES.put("MK", new int[] {3, 3, 3, 3, 3, 3, 3});
        TAKES.put("NA", new int[] {3, 3, 3, 3, 3, 3, 3});
        TAKES.put("NM", new int[] {2, 3, 3, 3, 3, 3, 3});
        TAKES.put("TM", new int[] {3, 3, 3, 3, 3, 3, 3});
        TAKES.put("UY", new int[] {3, 3, 3, 3, 3, 3, 3});
        TAKES.put("YM", new int[] {4, 3, 3, 3, 3, 3, 3});
    }

    private JaffeFixture() {
    }

    /** Writes the 213 files into {@code dir} (created if needed), serials numbered 1..213; returns {@code dir}. */
    public static Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            Path template = TestImages.writeTiff(TestImages.gray8(4, 4, new int[16]),
                    Files.createTempFile("jaffe-template", ".tiff"), ByteOrder.BIG_ENDIAN);
            byte[] tiff = Files.readAllBytes(template);
            Files.delete(template);
            int serial = 1;
            for (Map.Entry<String, int[]> poser : TAKES.entrySet()) {
                for (int c = 0; c < CODES.size(); c++) {
                    for (int take = 1; take <= poser.getValue()[c]; take++) {
                        String name = poser.getKey() + "." + CODES.get(c) + take + "." + serial++ + ".tiff";
                        Files.write(dir.resolve(name), tiff);
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
