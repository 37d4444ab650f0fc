package io.github.mbaseresnet.data.jaffe;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingInt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.ImageFiles;
import io.github.mbaseresnet.data.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JaffeReaderTest {
    @TempDir
    Path dir;

    private final JaffeReader reader = new JaffeReader();

    @Test
    void readsTheRealCountsPerClassAndSubject() throws IOException {
        Path root = JaffeFixture.write(dir.resolve("jaffe"));
        Files.writeString(root.resolve("README_FIRST.txt"), "semantic ratings");
        Files.writeString(root.resolve(".DS_Store"), "finder");
        Files.writeString(root.resolve("._KA.AN1.39.tiff"), "macOS resource fork");
        Files.writeString(root.resolve("Thumbs.db"), "windows");
        Files.createDirectory(root.resolve("extras"));

        List<Sample> samples = reader.read(root);

        assertThat(samples).hasSize(213);
        assertThat(samples.stream().collect(groupingBy(s -> s.label().code(), summingInt(s -> 1))))
                .isEqualTo(JaffeFixture.CLASS_COUNTS);
        assertThat(samples.stream().collect(groupingBy(Sample::subject, summingInt(s -> 1))))
                .isEqualTo(JaffeFixture.SUBJECT_COUNTS);
        assertThat(samples).extracting(Sample::image).isSorted();
    }

    @Test
    void parsesSubjectLabelAndSequenceFromTheName() throws IOException {
        Path root = JaffeFixture.write(dir.resolve("jaffe"));
        Files.move(root.resolve("KA.AN1.1.tiff"), root.resolve("KA.AN1.39.tif"));

        Sample ka = reader.read(root).get(0);

        assertThat(ka).isEqualTo(new Sample(root.resolve("KA.AN1.39.tif"), "KA", Expression.ANGER, "KA.AN1.39", 0));
        assertThat(ImageFiles.readGray(ka.image()).width()).isEqualTo(4);
    }

    @Test
    void returnsNeutralToo() {
        Map<Expression, Long> counts = reader.read(JaffeFixture.write(dir)).stream()
                .collect(groupingBy(Sample::label, counting()));

        assertThat(counts).containsEntry(Expression.NEUTRAL, 30L).hasSize(7);
    }

    @Test
    void doesNotDecodeImagesWhenListing() throws IOException {
        Path root = Files.createDirectory(dir.resolve("jaffe"));
        Files.writeString(root.resolve("KA.AN1.39.tiff"), "not decoded yet");

        assertThat(reader.read(root)).hasSize(1);
    }

    @Test
    void theSameImageUnderTwoExtensionsIsADuplicate() throws IOException {
        Path root = JaffeFixture.write(dir.resolve("jaffe"));
        Files.copy(root.resolve("KA.AN1.1.tiff"), root.resolve("KA.AN1.1.tif"));
        assertThatThrownBy(() -> reader.read(root)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("duplicate of KA.AN1.1.tif").hasMessageContaining("KA.AN1.1.tiff");
    }

    @Test
    void aFolderOrADanglingLinkNamedLikeAnImageIsAnError() throws IOException {
        Path root = JaffeFixture.write(dir.resolve("jaffe"));
        Files.createDirectory(root.resolve("KA.SA2.301.tiff"));
        assertThatThrownBy(() -> reader.read(root)).hasMessageContaining("KA.SA2.301.tiff")
                .hasMessageContaining("is a folder named like a JAFFE image");
        Files.delete(root.resolve("KA.SA2.301.tiff"));
        Files.createSymbolicLink(root.resolve("KA.HA2.300.tiff"), root.resolve("gone.tiff"));
        assertThatThrownBy(() -> reader.read(root)).hasMessageContaining("KA.HA2.300.tiff")
                .hasMessageContaining("link to a file that does not exist");
    }

    @Test
    void imageWithABadNameIsAnErrorNamingIt() throws IOException {
        Path root = JaffeFixture.write(dir.resolve("jaffe"));
        Files.copy(root.resolve("KA.AN1.1.tiff"), root.resolve("KA_AN1_39.tiff"));

        assertThatThrownBy(() -> reader.read(root))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("KA_AN1_39.tiff")
                .hasMessageContaining("<POSER>.<EXP><n>.<serial>.tiff")
                .satisfies(e -> assertThat(((DatasetException) e).file()).isEqualTo(root.resolve("KA_AN1_39.tiff")));
    }

    @Test
    void unknownExpressionCodeIsAnError() throws IOException {
        Path root = Files.createDirectory(dir.resolve("jaffe"));
        Files.writeString(root.resolve("KA.XX1.39.tiff"), "");

        assertThatThrownBy(() -> reader.read(root)).hasMessageContaining("KA.XX1.39.tiff");
    }

    @Test
    void missingFolderSaysSoAndHowToGetJaffe() {
        assertThatThrownBy(() -> reader.read(dir.resolve("nowhere")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("nowhere")
                .hasMessageContaining("does not exist")
                .hasMessageContaining("10.5281/zenodo.3451524");
    }

    @Test
    void fileInsteadOfFolderSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("jaffe.zip"), "zip");

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("jaffe.zip")
                .hasMessageContaining("not a folder");
    }

    @Test
    void emptyFolderSaysWhatJaffeImagesLookLike() throws IOException {
        Path root = Files.createDirectory(dir.resolve("jaffe"));
        Files.writeString(root.resolve("README_FIRST.txt"), "ratings");

        assertThatThrownBy(() -> reader.read(root))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("no JAFFE images were found")
                .hasMessageContaining("KA.AN1.39.tiff");
    }

    @Test
    void parentFolderSuggestsTheSubfolderHoldingTheImages() throws IOException {
        Path parent = Files.createDirectory(dir.resolve("jaffedbase"));
        Path inner = JaffeFixture.write(parent.resolve("jaffe"));
        Files.createDirectory(parent.resolve("docs"));

        assertThatThrownBy(() -> reader.read(parent))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("no JAFFE images were found")
                .hasMessageContaining("subfolder " + inner);
    }
}
