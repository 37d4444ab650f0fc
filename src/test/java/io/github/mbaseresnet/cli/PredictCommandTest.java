package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.align.FaceApiPhotos;
import io.github.mbaseresnet.align.FaceDetector;
import io.github.mbaseresnet.align.Landmarks;
import io.github.mbaseresnet.bundle.ModelBundle;
import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.ImageFiles;
import io.github.mbaseresnet.data.TestImages;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.model.MbaSeResNet;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.support.Dl4jTestBase;
import io.github.mbaseresnet.train.Augmentation;
import io.github.mbaseresnet.train.Trainer;
import io.github.mbaseresnet.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.mbaseresnet.cli.FerCommandTest.fer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code fer predict} on real photographs (face-api's demo photos, fetched; skipped without them) and bad input. */
class PredictCommandTest extends Dl4jTestBase {
    private static final ClassSet CLASSES = ClassSet.SIX_BASIC;
    private static final int FACE = 20;
    private static final TrainingConfig TRAINING = new TrainingConfig(1, 4, 3e-3, 0.9, 0.999, 200_000,
            new Augmentation(16, true));
    private static final NetworkConfig NETWORK = new NetworkConfig(Variant.MBA_SE_RESNET, LossConfig.proposed(), 16,
            1, List.of(4, 8), 1, 4, 2, CLASSES.size(), 7);

    @TempDir
    static Path dir;
    static Path model;

    /** An untrained bundle of JAFFE at 20×20: what is checked is the command, not the model's skill. */
    @BeforeAll
    static void bundle() {
        model = dir.resolve("model.zip");
        ModelBundle.save(model, new ModelBundle.Metadata(ModelBundle.FORMAT, "jaffe", "abc123", CLASSES, FACE,
                "test", NETWORK, TRAINING, "smoke", 42, 2, 0, 0, Set.of("KA"), 42, 542, 50.0, 12,
                Map.of("git.commit", "deadbeef")), MbaSeResNet.build(NETWORK, new Trainer(TRAINING, CLASSES).updater()));
    }

    @Test
    void everyFaceOfAPhotographGetsItsBoxAndProbabilitiesAsTheBundleComputesThem() throws Exception {
        Path photo = FaceApiPhotos.photos().stream().filter(p -> p.endsWith("sample6.jpg")).findFirst().orElseThrow();
        FerCommandTest.Result r = fer("predict", model.toString(), photo.toString(), "--annotate",
                dir.resolve("annotated").toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();

        // the same faces, aligned by the same settings, through the bundle's own API
        HarnessSettings settings = HarnessSettings.of(Map.of("fer.align.size", Integer.toString(FACE)));
        var image = ImageFiles.readGray(photo);
        List<Landmarks> faces;
        try (FaceDetector detector = new FaceDetector(settings.detector())) {
            faces = detector.detect(image);
        }
        List<double[]> expected = ModelBundle.load(model).probabilities(faces.stream()
                .map(f -> settings.aligner(DatasetId.JAFFE).align(image, Optional.of(f))).toList());
        assertThat(faces).hasSizeGreaterThanOrEqualTo(3);
        assertThat(r.out()).startsWith(photo + ": " + faces.size() + " faces\n");
        List<String> lines = r.out().lines().filter(l -> l.startsWith("  face ")).toList();
        assertThat(lines).hasSize(faces.size());
        Pattern share = Pattern.compile(" (AN|DI|FE|HA|SA|SU) ([0-9.]+)%");
        for (int i = 0; i < faces.size(); i++) {
            var b = faces.get(i).box().orElseThrow();
            assertThat(lines.get(i)).startsWith(String.format(Locale.ROOT, "  face %d at (%d, %d) %dx%d (%s):",
                    i + 1, Math.round(b.x()), Math.round(b.y()), Math.round(b.width()), Math.round(b.height()),
                    faces.get(i).source()));
            Matcher m = share.matcher(lines.get(i));
            double sum = 0;
            double previous = 101;
            int classes = 0;
            while (m.find()) {
                double printed = Double.parseDouble(m.group(2));
                int c = CLASSES.codes().indexOf(m.group(1));
                assertThat(printed).isCloseTo(100 * expected.get(i)[c], within(0.05));
                assertThat(printed).isLessThanOrEqualTo(previous); // most likely first
                previous = printed;
                sum += printed;
                classes++;
            }
            assertThat(classes).isEqualTo(6);
            assertThat(sum).isCloseTo(100, within(0.3));
        }
        Path png = dir.resolve("annotated").resolve("sample6-predicted.png");
        assertThat(r.out()).contains("  annotated: " + png);
        BufferedImage annotated = ImageIO.read(png.toFile());
        assertThat(annotated.getWidth()).isEqualTo(image.width());
        assertThat(annotated.getHeight()).isEqualTo(image.height());
        var box = faces.get(0).box().orElseThrow(); // the box's left edge is drawn green
        int rgb = annotated.getRGB((int) Math.round(box.x()), (int) Math.round(box.y() + box.height() / 2));
        assertThat(rgb & 0xFFFFFF).isEqualTo(0x00FF00);
    }

    @Test
    void anImageWithoutAFaceOrUnreadableIsAnErrorForThatImageOnly() throws Exception {
        BufferedImage flat = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
        Path blank = TestImages.write(flat, "png", dir.resolve("blank.png"));
        Path broken = Files.write(dir.resolve("broken.png"), new byte[] {1, 2, 3});
        Path folder = Files.createDirectories(dir.resolve("a-folder.png"));
        FerCommandTest.Result r = fer("predict", model.toString(), blank.toString(), broken.toString(),
                folder.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("fer predict: " + folder + ": not a regular file");
        assertThat(r.err()).contains("fer predict: " + blank + ": no face found by opencv(")
                .contains("fer predict: ").contains(broken.toString()).doesNotContain("at io.github");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingModelOrMissingImagesAreClearErrors() {
        FerCommandTest.Result missing = fer("predict", dir.resolve("none.zip").toString(), "x.png");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains(dir.resolve("none.zip") + ": does not exist").doesNotContain("at io.github");
        FerCommandTest.Result usage = fer("predict", model.toString());
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("IMAGE");
    }
}
