package io.github.mbaseresnet.data.synthetic;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SyntheticDatasetTest {

    private static final SyntheticConfig CONFIG = SyntheticConfig.DEFAULT;
    /** Small enough to generate in a blink, big enough to have every part of a file name above 1. */
    private static final SyntheticConfig SMALL = new SyntheticConfig(2, 2, 2, 64, 7);

    @Test
    void sameConfigGivesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        Path a = new SyntheticDataset(CONFIG).materialize(first);
        Path b = new SyntheticDataset(CONFIG).materialize(second);

        List<String> names = names(a);
        assertThat(names(b)).isEqualTo(names);
        for (String name : names) {
            assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
        }
    }

    @Test
    void otherSeedGivesOtherPixelsInAnotherFolder(@TempDir Path root) throws IOException {
        Path a = new SyntheticDataset(SMALL).materialize(root);
        Path b = new SyntheticDataset(SMALL.withSeed(8)).materialize(root);

        assertThat(b).isNotEqualTo(a);
        String name = SyntheticDataset.fileName(1, Expression.HAPPINESS, 2, 1);
        assertThat(pixels(b.resolve(name))).isNotEqualTo(pixels(a.resolve(name)));
    }

    @Test
    void holdsEveryImageOnceAndTheReaderLabelsThem(@TempDir Path root) throws IOException {
        Path dir = new SyntheticDataset(CONFIG).materialize(root);

        assertThat(dir.getFileName().toString()).matches("synthetic-[0-9a-f]{16}");
        assertThat(Files.readString(dir.resolve(SyntheticDataset.COMPLETE_MARKER)).strip()).isEqualTo("432");
        assertThat(names(dir)).hasSize(432);
        List<Sample> samples = new SyntheticReader().read(dir);
        assertThat(samples).hasSize(432);
        assertThat(countBy(samples, Sample::label))
                .containsOnlyKeys(ClassSet.SIX_BASIC.expressions())
                .allSatisfy((e, n) -> assertThat(n).as("%s", e).isEqualTo(12L * 3 * 2));
        assertThat(countBy(samples, Sample::subject)).hasSize(12)
                .allSatisfy((s, n) -> assertThat(n).as(s).isEqualTo(6L * 3 * 2));
        assertThat(samples).extracting(Sample::subject).contains("S01", "S12");

        Sample one = samples.stream().filter(s -> s.sequence().equals("S03_HA_i2_v1")).findFirst().orElseThrow();
        assertThat(one.image()).isEqualTo(dir.resolve("S03_HA_i2_v1.png"));
        assertThat(one.subject()).isEqualTo("S03");
        assertThat(one.label()).isEqualTo(Expression.HAPPINESS);
        assertThat(one.frame()).isZero();

        BufferedImage img = ImageIO.read(one.image().toFile());
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(img.getWidth()).isEqualTo(96);
        assertThat(img.getHeight()).isEqualTo(96);
    }

    @Test
    void completeFolderIsReused(@TempDir Path root) throws IOException {
        Path dir = new SyntheticDataset(SMALL).materialize(root);
        Path image = dir.resolve(SyntheticDataset.fileName(2, Expression.FEAR, 2, 2));
        FileTime stamp = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(image, stamp);

        assertThat(new SyntheticDataset(SMALL).materialize(root)).isEqualTo(dir);
        assertThat(Files.getLastModifiedTime(image)).isEqualTo(stamp);
        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries).containsExactly(dir); // no temporary folder left behind
        }
    }

    @Test
    void folderWithoutMarkerIsRegenerated(@TempDir Path root, @TempDir Path reference) throws IOException {
        Path dir = new SyntheticDataset(SMALL).materialize(root);
        String lost = SyntheticDataset.fileName(1, Expression.SADNESS, 1, 2);
        Files.delete(dir.resolve(lost));
        Files.delete(dir.resolve(SyntheticDataset.COMPLETE_MARKER));

        assertThat(new SyntheticDataset(SMALL).materialize(root)).isEqualTo(dir);

        assertThat(dir.resolve(SyntheticDataset.COMPLETE_MARKER)).hasContent(Integer.toString(SMALL.imageCount()));
        assertThat(names(dir)).hasSize(SMALL.imageCount());
        Path fresh = new SyntheticDataset(SMALL).materialize(reference);
        assertThat(Files.readAllBytes(dir.resolve(lost))).isEqualTo(Files.readAllBytes(fresh.resolve(lost)));
    }

    @Test
    void markerWithWrongCountIsRegenerated(@TempDir Path root) throws IOException {
        Path dir = new SyntheticDataset(SMALL).materialize(root);
        Files.delete(dir.resolve(SyntheticDataset.fileName(2, Expression.ANGER, 1, 1)));

        new SyntheticDataset(SMALL).materialize(root);

        assertThat(names(dir)).hasSize(SMALL.imageCount());
    }

    @Test
    void intensitiesRunFromSubtleToPeak() {
        SyntheticDataset dataset = new SyntheticDataset(CONFIG);
        assertThat(dataset.intensity(1)).isCloseTo(0.2, within(1e-12));
        assertThat(dataset.intensity(2)).isCloseTo(0.6, within(1e-12));
        assertThat(dataset.intensity(3)).isCloseTo(1.0, within(1e-12));
        assertThat(new SyntheticDataset(new SyntheticConfig(2, 1, 1, 96, 1)).intensity(1)).isEqualTo(1.0);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        }
    }

    private static int[] pixels(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        return img.getRaster().getPixels(0, 0, img.getWidth(), img.getHeight(), (int[]) null);
    }

    private static <K> Map<K, Long> countBy(List<Sample> samples, Function<Sample, K> key) {
        return samples.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
