package io.github.mbaseresnet.data.synthetic;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.Expression;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * An embedded, procedurally generated stand-in for the licensed facial-expression datasets (CK+, JAFFE, Oulu-CASIA,
 * BU-3DFE) that the harness trains on when no real dataset is configured: gray 96x96 cartoon faces of several
 * synthetic subjects showing the six basic expressions.
 *
 * <p>It is built to keep what makes the real task hard rather than to look real. Each expression comes at graded
 * intensities from subtle to peak, and subtle ones sit close to neutral and to each other under pose, lighting,
 * noise and involuntary muscle jitter (see {@link Nuisance}), so low-intensity images are genuinely ambiguous. The
 * pairs real data confuses share most of their deformation here too (fear/surprise, anger/disgust, sadness/anger
 * brows; see {@link ExpressionShape}). Subjects differ in face shape, feature sizes and spacing, skin, hair and
 * expressiveness, so that subject-independent folds test generalisation to unseen people.
 *
 * <p>Images are a pure function of the {@link SyntheticConfig}: each one draws from its own random stream derived
 * from (seed, subject, expression, level, variant), so the files are byte-identical whatever the generation order.
 * {@link #materialize} caches them under a folder named after a hash of the config.
 */
public final class SyntheticDataset {

    /** Marker file of a completely generated folder; it holds the image count. */
    public static final String COMPLETE_MARKER = "COMPLETE";

    /** Intensity of the lowest level: subtle, but not neutral. */
    private static final double LOWEST_INTENSITY = 0.2;
    /** Per-variant spread around a level's nominal intensity. */
    private static final double INTENSITY_JITTER = 0.05;

    private final SyntheticConfig config;

    public SyntheticDataset(SyntheticConfig config) {
        this.config = config;
    }

    public SyntheticConfig config() {
        return config;
    }

    /** The cache folder's name, {@code synthetic-<16 hex digits of the config's SHA-256>}. */
    public String folderName() {
        String key = String.format(Locale.ROOT, "synthetic v%d subjects=%d levels=%d variants=%d size=%d seed=%d",
                SyntheticFaceGenerator.VERSION, config.subjects(), config.intensityLevels(),
                config.variantsPerLevel(), config.imageSize(), config.seed());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "synthetic-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * Nominal intensity of {@code level} (1 = subtlest): evenly spaced from {@value #LOWEST_INTENSITY} to 1; a
     * single level is the peak.
     */
    public double intensity(int level) {
        int levels = config.intensityLevels();
        if (level < 1 || level > levels) {
            throw new IllegalArgumentException("level must be in 1.." + levels + ", got " + level);
        }
        return levels == 1 ? 1 : LOWEST_INTENSITY + (1 - LOWEST_INTENSITY) * (level - 1) / (levels - 1);
    }

    /** File name of one image, e.g. {@code S03_HA_i2_v1.png}; subjects, levels and variants count from 1. */
    public static String fileName(int subject, Expression e, int level, int variant) {
        return String.format(Locale.ROOT, "S%02d_%s_i%d_v%d.png", subject, e.code(), level, variant);
    }

    /** Renders one image of the dataset, independently of all others. */
    public BufferedImage render(SyntheticFaceGenerator generator, int subject, Expression e, int level, int variant) {
        SubjectIdentity id = SubjectIdentity.of(config.seed(), subject);
        Random rng = new Random(Seeds.derive(config.seed(), subject, e.ordinal(), level, variant));
        double intensity = intensity(level) + INTENSITY_JITTER * (2 * rng.nextDouble() - 1);
        return generator.render(id, e, Math.min(1, intensity), rng);
    }

    /**
     * Returns the folder holding this dataset under {@code cacheRoot}, generating it first unless a complete copy
     * is there. Generation goes to a temporary folder that is renamed into place once complete, so an interrupted
     * run never leaves a folder that looks usable.
     *
     * @throws DatasetException naming the folder when it cannot be written
     */
    public Path materialize(Path cacheRoot) {
        Path target = cacheRoot.resolve(folderName());
        if (isComplete(target)) {
            return target;
        }
        Path tmp = null;
        try {
            Files.createDirectories(cacheRoot);
            if (Files.exists(target)) {
                deleteRecursively(target); // incomplete or corrupted copy (no or wrong marker)
            }
            tmp = Files.createTempDirectory(cacheRoot, "." + folderName() + "-tmp-");
            generateInto(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // Another process finished the same config first; its copy is as good as ours.
                if (!isComplete(target)) {
                    throw e;
                }
                deleteRecursively(tmp);
            }
            return target;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new DatasetException(target, "cannot generate the synthetic dataset: " + e, e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private void generateInto(Path dir) throws IOException {
        SyntheticFaceGenerator generator = new SyntheticFaceGenerator(config.imageSize());
        int count = 0;
        for (int subject = 1; subject <= config.subjects(); subject++) {
            for (Expression e : ClassSet.SIX_BASIC.expressions()) {
                for (int level = 1; level <= config.intensityLevels(); level++) {
                    for (int variant = 1; variant <= config.variantsPerLevel(); variant++) {
                        Path file = dir.resolve(fileName(subject, e, level, variant));
                        if (!ImageIO.write(render(generator, subject, e, level, variant), "png", file.toFile())) {
                            throw new IOException("no PNG writer available for " + file);
                        }
                        count++;
                    }
                }
            }
        }
        Files.writeString(dir.resolve(COMPLETE_MARKER), count + "\n", StandardCharsets.UTF_8);
    }

    /** A marker with the expected count and that many PNGs: anything else is regenerated. */
    private boolean isComplete(Path dir) {
        Path marker = dir.resolve(COMPLETE_MARKER);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            String expected = Integer.toString(config.imageCount());
            return Files.readString(marker, StandardCharsets.UTF_8).strip().equals(expected)
                    && files.filter(f -> f.getFileName().toString().endsWith(".png")).count() == config.imageCount();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            deleteRecursively(dir);
        } catch (IOException ignored) {
            // Best effort: a stray temporary folder is never mistaken for a dataset (no marker, hidden name).
        }
    }
}
