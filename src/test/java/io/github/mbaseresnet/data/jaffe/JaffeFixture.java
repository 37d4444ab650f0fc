package io.github.mbaseresnet.data.jaffe;

import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.TestImages;
import io.github.mbaseresnet.data.synthetic.SyntheticConfig;
import io.github.mbaseresnet.data.synthetic.SyntheticDataset;
import io.github.mbaseresnet.data.synthetic.SyntheticFaceGenerator;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake JAFFE folder with the real naming and the real per-class and per-subject counts (DATASETS.md §6): either
 * one tiny 4x4 gray TIFF repeated, or synthetic faces in the real set's two TIFF encodings. Never a real face.
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
        byte[] tiff = readAndDelete(TestImages.writeTiff(TestImages.gray8(4, 4, new int[16]),
                tempFile(), ByteOrder.BIG_ENDIAN));
        return writeEach(dir, (poser, code, take) -> tiff);
    }

    /**
     * Writes the 213 files as faces of the embedded synthetic generator (poser i is synthetic subject i + 1; the take
     * is the intensity level), in the real set's two encodings: the KM poser's files and KA.AN1.39 are
     * little-endian palette TIFFs, all others big-endian 8-bit gray (DATASETS.md §6). No real face is involved.
     */
    public static Path writeFaces(Path dir) {
        SyntheticDataset faces = new SyntheticDataset(new SyntheticConfig(10, 4, 1, 96, 7));
        SyntheticFaceGenerator generator = new SyntheticFaceGenerator(96);
        List<String> posers = List.copyOf(TAKES.keySet());
        return writeEach(dir, (poser, code, take) -> {
            BufferedImage face = faces.render(generator, posers.indexOf(poser) + 1,
                    Expression.fromCode(code).orElseThrow(), take, 1);
            boolean palette = poser.equals("KM") || (poser.equals("KA") && code.equals("AN") && take == 1);
            BufferedImage encoded = palette ? toPalette(face) : toGray(face);
            return readAndDelete(TestImages.writeTiff(encoded, tempFile(),
                    palette ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN));
        });
    }

    private interface FileContent {
        byte[] of(String poser, String code, int take);
    }

    private static Path writeEach(Path dir, FileContent content) {
        try {
            Files.createDirectories(dir);
            int serial = 1;
            for (Map.Entry<String, int[]> poser : TAKES.entrySet()) {
                for (int c = 0; c < CODES.size(); c++) {
                    for (int take = 1; take <= poser.getValue()[c]; take++) {
                        String name = poser.getKey() + "." + CODES.get(c) + take + "." + serial++ + ".tiff";
                        Files.write(dir.resolve(name), content.of(poser.getKey(), CODES.get(c), take));
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage toGray(BufferedImage img) {
        BufferedImage gray = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(img, 0, 0, null);
        return gray;
    }

    /** The palette stores gray level (255 − i) at index i, so a reader that returns raw indices gets a negative. */
    private static BufferedImage toPalette(BufferedImage img) {
        BufferedImage gray = toGray(img);
        int[] levels = gray.getRaster().getPixels(0, 0, img.getWidth(), img.getHeight(), (int[]) null);
        for (int i = 0; i < levels.length; i++) {
            levels[i] = 255 - levels[i];
        }
        return TestImages.invertedPalette(img.getWidth(), img.getHeight(), levels);
    }

    private static byte[] readAndDelete(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempFile() {
        try {
            return Files.createTempFile("jaffe-fixture", ".tiff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
