package io.github.mbaseresnet.data.ckplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.FixtureFiles;
import io.github.mbaseresnet.data.ReadResult;
import io.github.mbaseresnet.data.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CkPlusReaderTest {
    @TempDir
    Path dir;

    private final CkPlusReader reader = new CkPlusReader(CkPlusReader.Options.DEFAULT);

    @Test
    void takesTheLastThreeFramesOfEachLabelledSequenceWithoutContempt() {
        CkPlusFixture ck = CkPlusFixture.standard(dir.resolve("ckplus"));

        ReadResult result = reader.scan(ck.root);

        assertThat(result.samples()).containsExactly(
                new Sample(ck.frame("S005", "001", 3), "S005", Expression.ANGER, "S005_001", 3),
                new Sample(ck.frame("S005", "001", 4), "S005", Expression.ANGER, "S005_001", 4),
                new Sample(ck.frame("S005", "001", 5), "S005", Expression.ANGER, "S005_001", 5),
                new Sample(ck.frame("S010", "004", 4), "S010", Expression.HAPPINESS, "S010_004", 4),
                new Sample(ck.frame("S010", "004", 5), "S010", Expression.HAPPINESS, "S010_004", 5),
                new Sample(ck.frame("S010", "004", 6), "S010", Expression.HAPPINESS, "S010_004", 6));
        assertThat(result.excludedByReason()).isEqualTo(Map.of(
                "sequence has no Emotion label file (CK+ labels 327 of its 593 sequences)", 2,
                "sequence labelled contempt, left out of the six classes (fer.ckplus.contempt=false)", 1,
                "subject has no labelled sequence", 1));
        assertThat(result.excluded()).extracting(e -> ck.root.relativize(e.file()).toString()).containsExactly(
                "cohn-kanade-images/S005/002", "cohn-kanade-images/S005/003", "cohn-kanade-images/S011",
                "cohn-kanade-images/S011/001");
        assertThat(reader.read(ck.root)).isEqualTo(result.samples());
    }

    @Test
    void contemptAndTheFirstFrameAsNeutralWhenAsked() {
        CkPlusFixture ck = CkPlusFixture.standard(dir.resolve("ckplus"));

        List<Sample> samples = new CkPlusReader(new CkPlusReader.Options(2, true, true)).read(ck.root);

        assertThat(FixtureFiles.count(samples, s -> s.sequence() + " " + s.label() + " " + s.frame()).keySet())
                .containsExactly("S005_001 ANGER 4", "S005_001 ANGER 5", "S005_001 NEUTRAL 1",
                        "S005_002 CONTEMPT 3", "S005_002 CONTEMPT 4", "S005_002 NEUTRAL 1",
                        "S010_004 HAPPINESS 5", "S010_004 HAPPINESS 6", "S010_004 NEUTRAL 1");
    }

    @Test
    void findsRootsNestedAsUnpackedCopiesNestThem() {
        Path root = dir.resolve("ckplus");
        CkPlusFixture ck = new CkPlusFixture(root, root.resolve("extended-cohn-kanade-images/cohn-kanade-images"),
                root.resolve("Emotion_labels/Emotion")).sequence("S005", "001", 4, 7);

        assertThat(reader.read(root)).extracting(Sample::label).containsOnly(Expression.SURPRISE).hasSize(3);
        assertThat(reader.read(root)).extracting(Sample::image).allMatch(p -> p.startsWith(ck.images));
    }

    @Test
    void sequenceShorterThanRequestedIsACountedExclusion() {
        CkPlusFixture ck = new CkPlusFixture(dir).sequence("S005", "001", 2, 3).sequence("S005", "002", 3, 4);

        ReadResult result = reader.scan(dir);

        assertThat(result.samples()).hasSize(3).extracting(Sample::label).containsOnly(Expression.FEAR);
        assertThat(result.excluded()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(ck.images.resolve("S005/001"));
            assertThat(e.reason()).isEqualTo("sequence has fewer than 3 frames (fer.ckplus.frames=3)");
        });
    }

    @Test
    void unknownLabelCodeIsAnErrorNamingTheFile() {
        new CkPlusFixture(dir).sequence("S005", "001", 4, 9);

        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("S005_001_00000004_emotion.txt")
                .hasMessageContaining("unknown CK+ emotion code 9.0000000e+00");
    }

    @Test
    void labelFileWithTwoNumbersIsAnError() {
        CkPlusFixture ck = new CkPlusFixture(dir).sequence("S005", "001", 4, null);
        ck.label("S005", "001", 4, "3.0000000e+00 5.0000000e+00\n");

        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("S005_001_00000004_emotion.txt")
                .hasMessageContaining("holds one number").hasMessageContaining("2 values");
    }

    @Test
    void labelThatIsNotANumberOrEmptyIsAnError() {
        CkPlusFixture ck = new CkPlusFixture(dir).sequence("S005", "001", 4, null);
        Path label = ck.label("S005", "001", 4, "happy");

        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("'happy' is not a number");
        FixtureFiles.text(label, "  \n");
        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("found nothing");
    }

    @Test
    void fractionalCodeIsUnknown() {
        new CkPlusFixture(dir).sequence("S005", "001", 4, null).label("S005", "001", 4, "2.5");

        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("unknown CK+ emotion code 2.5");
    }

    @Test
    void labelFileThatIsNotTextIsAnError() {
        CkPlusFixture ck = new CkPlusFixture(dir).sequence("S005", "001", 4, null);
        Path label = ck.label("S005", "001", 4, "");
        FixtureFiles.write(label, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0}); // a UTF-16 byte-order mark

        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(label.toString()).hasMessageContaining("is not a UTF-8/ASCII text file");
    }

    @Test
    void labelForAnotherFrameThanTheLastIsAnError() {
        CkPlusFixture ck = new CkPlusFixture(dir).sequence("S005", "001", 4, null);
        ck.label("S005", "001", 3, "1.0000000e+00");

        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("S005_001_00000003_emotion.txt")
                .hasMessageContaining("not named after the sequence's last frame (S005_001_00000004_emotion.txt)");
    }

    @Test
    void twoLabelFilesInOneSequenceAreAnError() {
        CkPlusFixture ck = new CkPlusFixture(dir).sequence("S005", "001", 4, 1);
        ck.label("S005", "001", 3, "1.0000000e+00");

        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("holds 2 label files");
    }

    @Test
    void labelWithoutItsImagesIsAnError() {
        CkPlusFixture ck = new CkPlusFixture(dir).sequence("S005", "001", 4, 1);
        Path orphan = ck.label("S005", "009", 12, "1.0000000e+00");

        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(orphan.toString()).hasMessageContaining("has no image sequence S005/009");
    }

    @Test
    void labelledSequenceWithoutImagesIsAnError() throws IOException {
        CkPlusFixture ck = new CkPlusFixture(dir).sequence("S005", "001", 4, 1);
        Files.createDirectories(ck.images.resolve("S005/002"));
        ck.label("S005", "002", 1, "1.0000000e+00");

        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("S005/002")
                .hasMessageContaining("holds no images");
    }

    @Test
    void frameNamedForAnotherSequenceIsAnError() {
        CkPlusFixture ck = new CkPlusFixture(dir).sequence("S005", "001", 4, 1);
        Path stray = FixtureFiles.image(ck.images.resolve("S005/001/S006_001_00000009.png"));

        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining(stray.toString())
                .hasMessageContaining("S005_001_<8-digit frame>.png");
    }

    @Test
    void twoCopiesOfTheImagesAreAnError() {
        new CkPlusFixture(dir.resolve("a")).sequence("S005", "001", 4, 1);
        new CkPlusFixture(dir.resolve("b")).sequence("S005", "001", 4, 1);

        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("holds 2 cohn-kanade-images/ folders");
    }

    @Test
    void pointingInsideTheDatasetSuggestsItsParent() {
        CkPlusFixture ck = CkPlusFixture.standard(dir.resolve("ckplus"));

        assertThatThrownBy(() -> reader.read(ck.images)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("point at the folder that contains cohn-kanade-images/ and Emotion/")
                .hasMessageContaining(ck.root.toString());
    }

    @Test
    void wrongOrEmptyRootSaysWhatIsExpected() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThatThrownBy(() -> reader.read(empty)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("no cohn-kanade-images/ folder")
                .hasMessageContaining("S005_001_00000011_emotion.txt").hasMessageContaining("Cohn lab");
        assertThatThrownBy(() -> reader.read(dir.resolve("nowhere"))).hasMessageContaining("does not exist");
    }

    @Test
    void missingEmotionFolderSaysWhichZipToUnpack() {
        CkPlusFixture ck = CkPlusFixture.standard(dir.resolve("ckplus"));
        FixtureFiles.folder(ck.root.resolve("Landmarks"));
        deleteTree(ck.emotion);

        assertThatThrownBy(() -> reader.read(ck.root)).hasMessageContaining("no Emotion/ folder")
                .hasMessageContaining("Emotion_labels.zip");
    }

    @Test
    void copyWithoutAnyLabelledSequenceIsAnError() {
        new CkPlusFixture(dir).sequence("S005", "001", 4, null);

        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("no labelled CK+ sequence");
    }

    @Test
    void badOptionsNameTheSetting() {
        assertThatThrownBy(() -> new CkPlusReader.Options(0, false, false)).hasMessageContaining("fer.ckplus.frames=0");
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
