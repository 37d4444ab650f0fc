package io.github.mbaseresnet.bench;

import io.github.mbaseresnet.align.FaceCache;
import io.github.mbaseresnet.align.FacePreparation;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.synthetic.SyntheticConfig;
import io.github.mbaseresnet.data.synthetic.SyntheticDataset;
import io.github.mbaseresnet.data.synthetic.SyntheticFaceGenerator;
import io.github.mbaseresnet.experiment.DatasetSource;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.experiment.PreparedFaces;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Question: how much does the face cache save on JAFFE-sized data? 213 synthetic faces of 256×256 in JAFFE's layout
 * and 8-bit gray TIFF encoding (never a real face) are prepared as a reproduction does ({@link PreparedFaces}):
 * first with an empty cache (decode, align, write the cache file), then again (read the cache file). Each round
 * starts from an empty cache folder; the images stay in the OS page cache after the first round, so the first-run
 * time is that of a warm disk.
 *
 * <p>Run (after {@code mvn -Pbench,cpu package -DskipTests}):
 * {@code java -cp target/fer-benchmarks.jar io.github.mbaseresnet.bench.FaceCacheBenchmark [rounds]} (default 7).
 */
public final class FaceCacheBenchmark {
    private static final int IMAGES = 213;
    private static final int SIDE = 256;
    private static final List<String> POSERS = List.of("KA", "KL", "KM", "KR", "MK", "NA", "NM", "TM", "UY", "YM");
    private static final List<Expression> EXPRESSIONS = List.of(Expression.ANGER, Expression.DISGUST,
            Expression.FEAR, Expression.HAPPINESS, Expression.NEUTRAL, Expression.SADNESS, Expression.SURPRISE);

    private FaceCacheBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path work = Files.createTempDirectory("fer-face-cache-bench");
        try {
            Path jaffe = writeJaffeSized(work.resolve("jaffe"));
            List<Double> first = new ArrayList<>();
            List<Double> second = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                HarnessSettings settings = HarnessSettings.of(Map.of("fer.data.jaffe", jaffe.toString(),
                        "fer.lock.enforce", "false", "fer.cache", work.resolve("generated").toString(),
                        "fer.cache.dir", work.resolve("faces-" + round).toString()));
                DatasetSource.LoadedDataset dataset = new DatasetSource(settings).load(DatasetId.JAFFE).orElseThrow();
                PreparedFaces faces = new PreparedFaces(settings, System.err::println);
                first.add(millis(() -> expect(faces.of(dataset, FacePreparation.Progress.NONE),
                        FaceCache.Status.BUILT)));
                second.add(millis(() -> expect(faces.of(dataset, FacePreparation.Progress.NONE),
                        FaceCache.Status.HIT)));
            }
            System.out.printf(Locale.ROOT, "face cache on %d JAFFE-sized images (%dx%d gray TIFF, %d faces of the "
                            + "six classes), %d rounds, %d cores:%n", IMAGES, SIDE, SIDE, IMAGES - 30, rounds,
                    Runtime.getRuntime().availableProcessors());
            System.out.println("  first run (decode + align + write): " + summary(first));
            System.out.println("  second run (cache hit):             " + summary(second));
            System.out.printf(Locale.ROOT, "  first / second: %.1fx (medians)%n", median(first) / median(second));
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** JAFFE's naming (poser.EXPn.serial.tiff), posers and expressions in turn, up to 213 files. */
    private static Path writeJaffeSized(Path dir) throws IOException {
        Files.createDirectories(dir);
        SyntheticDataset faces = new SyntheticDataset(new SyntheticConfig(POSERS.size(), 9, 1, SIDE, 7));
        SyntheticFaceGenerator generator = new SyntheticFaceGenerator(SIDE);
        for (int i = 0; i < IMAGES; i++) {
            int poser = i % POSERS.size();
            Expression e = EXPRESSIONS.get(i / POSERS.size() % EXPRESSIONS.size());
            int take = i / (POSERS.size() * EXPRESSIONS.size()) + 1;
            BufferedImage rgb = faces.render(generator, poser + 1, e, take, 1);
            BufferedImage gray = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
            gray.getGraphics().drawImage(rgb, 0, 0, null);
            Path file = dir.resolve(POSERS.get(poser) + "." + e.code() + take + "." + (i + 1) + ".tiff");
            if (!ImageIO.write(gray, "tiff", file.toFile())) {
                throw new IllegalStateException("this JDK has no TIFF writer");
            }
        }
        return dir;
    }

    private static void expect(FaceCache.Lookup lookup, FaceCache.Status status) {
        if (lookup.status() != status) {
            throw new IllegalStateException("expected a " + status + ", got " + lookup.status());
        }
    }

    private static double millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String summary(List<Double> values) {
        return String.format(Locale.ROOT, "median %.1f ms (min %.1f, max %.1f)", median(values),
                Collections.min(values), Collections.max(values));
    }
}
