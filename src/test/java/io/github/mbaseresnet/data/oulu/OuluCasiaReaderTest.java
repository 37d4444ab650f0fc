package io.github.mbaseresnet.data.oulu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.FixtureFiles;
import io.github.mbaseresnet.data.ImageSize;
import io.github.mbaseresnet.data.ReadResult;
import io.github.mbaseresnet.data.Sample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated Oulu-CASIA trees in the distributed layout (DATASETS.md §2), tiny gray JPEGs, never faces. */
class OuluCasiaReaderTest {
    private static final List<String> EXPRESSIONS =
            List.of("Anger", "Disgust", "Fear", "Happiness", "Sadness", "Surprise");

    @TempDir
    Path dir;

    private final OuluCasiaReader reader = new OuluCasiaReader(OuluCasiaReader.Options.DEFAULT);

    /** Frames 000..frames-1 of one sequence. */
    private static Path sequence(Path tree, String condition, String subject, String expression, int frames) {
        Path seq = tree.resolve(condition).resolve(subject).resolve(expression);
        for (int f = 0; f < frames; f++) {
            FixtureFiles.image(seq.resolve(String.format("%03d.jpeg", f)));
        }
        return FixtureFiles.folder(seq);
    }

    /** Two subjects × six expressions in VL/Strong (5 frames each), plus NI/Dark and VL/Weak distractors. */
    private Path standard(String treeName) {
        Path tree = dir.resolve("oulu").resolve(treeName);
        for (String subject : List.of("P001", "P002")) {
            for (String e : EXPRESSIONS) {
                sequence(tree, "VL/Strong", subject, e, 5);
            }
        }
        sequence(tree, "NI/Dark", "P001", "Anger", 4);
        sequence(tree, "VL/Weak", "P003", "Fear", 4);
        return dir.resolve("oulu");
    }

    @Test
    void readsTheLastThreeFramesOfVlStrong() {
        Path root = standard("OriginalImg");

        ReadResult result = reader.scan(root);

        assertThat(result.samples()).hasSize(2 * 6 * 3);
        assertThat(result.excluded()).isEmpty();
        assertThat(FixtureFiles.count(result.samples(), s -> s.label().code()))
                .isEqualTo(Map.of("AN", 6, "DI", 6, "FE", 6, "HA", 6, "SA", 6, "SU", 6));
        assertThat(FixtureFiles.count(result.samples(), Sample::subject)).isEqualTo(Map.of("P001", 18, "P002", 18));
        assertThat(result.samples()).extracting(Sample::frame).containsOnly(2, 3, 4);
        assertThat(result.samples().get(0)).isEqualTo(new Sample(
                root.resolve("OriginalImg/VL/Strong/P001/Anger/002.jpeg"), "P001", Expression.ANGER, "P001_Anger", 2));
        assertThat(reader.expectedSizes()).containsExactly(new ImageSize(320, 240));
    }

    @Test
    void otherConditionTreeAndNeutralAreSettings() {
        Path root = standard("OriginalImg");

        List<Sample> ni = new OuluCasiaReader(new OuluCasiaReader.Options("OriginalImg", "NI", "Dark", 1, true))
                .read(root);

        assertThat(ni).containsExactly(
                new Sample(root.resolve("OriginalImg/NI/Dark/P001/Anger/000.jpeg"), "P001", Expression.NEUTRAL,
                        "P001_Anger", 0),
                new Sample(root.resolve("OriginalImg/NI/Dark/P001/Anger/003.jpeg"), "P001", Expression.ANGER,
                        "P001_Anger", 3));
    }

    @Test
    void readsPreProcessImgAndPartPrefixedTrees() {
        OuluCasiaReader pre = new OuluCasiaReader(new OuluCasiaReader.Options("PreProcessImg", "VL", "Strong", 3,
                false));
        assertThat(pre.read(standard("PreProcessImg"))).hasSize(36);
        assertThat(pre.expectedSizes()).isEmpty();

        Path b = dir.resolve("b");
        sequence(b.resolve("data/B_OriginalImg"), "VL/Strong", "P004", "Sadness", 3);
        assertThat(reader.read(b)).extracting(Sample::subject).containsOnly("P004").hasSize(3);
    }

    @Test
    void missingConditionListsTheOnesPresent() {
        Path root = standard("OriginalImg");

        assertThatThrownBy(() -> new OuluCasiaReader(new OuluCasiaReader.Options("OriginalImg", "NI", "Strong", 3,
                false)).read(root)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("NI/Strong is missing (it has [NI/Dark, VL/Strong, VL/Weak])")
                .hasMessageContaining("fer.oulu.modality");
    }

    @Test
    void otherTreeOnlySuggestsTheSetting() {
        Path root = standard("PreProcessImg");

        assertThatThrownBy(() -> reader.read(root)).hasMessageContaining("no OriginalImg/ folder")
                .hasMessageContaining("set fer.oulu.images=PreProcessImg");
    }

    @Test
    void pointingInsideTheTreeSuggestsItsParent() {
        Path root = standard("OriginalImg");

        assertThatThrownBy(() -> reader.read(root.resolve("OriginalImg/VL")))
                .hasMessageContaining("point at the folder that contains OriginalImg/");
        assertThatThrownBy(() -> reader.read(root.resolve("OriginalImg")))
                .hasMessageContaining("point at the folder that contains OriginalImg/");
    }

    @Test
    void shortOrEmptySequencesAreCountedExclusions() {
        Path tree = dir.resolve("oulu/OriginalImg");
        sequence(tree, "VL/Strong", "P001", "Anger", 3);
        Path shortOne = sequence(tree, "VL/Strong", "P001", "Fear", 2);
        Path empty = sequence(tree, "VL/Strong", "P001", "Surprise", 0);
        Path noSequences = FixtureFiles.folder(tree.resolve("VL/Strong/P002"));

        ReadResult result = reader.scan(dir.resolve("oulu"));

        assertThat(result.samples()).hasSize(3);
        assertThat(result.excluded()).extracting(e -> e.file()).containsExactly(shortOne, empty, noSequences);
        assertThat(result.excludedByReason()).isEqualTo(Map.of(
                "sequence has fewer than 3 frames (fer.oulu.frames=3)", 2,
                "subject folder holds no expression sequence", 1));
    }

    @Test
    void unknownExpressionFolderIsAnError() {
        Path tree = dir.resolve("oulu/OriginalImg");
        sequence(tree, "VL/Strong", "P001", "Anger", 3);
        Path odd = sequence(tree, "VL/Strong", "P001", "Contempt", 3);

        assertThatThrownBy(() -> reader.read(dir.resolve("oulu"))).hasMessageContaining(odd.toString())
                .hasMessageContaining("not an Oulu-CASIA expression folder");
    }

    @Test
    void badFrameNamesAndDuplicateFramesAreErrors() {
        Path tree = dir.resolve("oulu/OriginalImg");
        Path seq = sequence(tree, "VL/Strong", "P001", "Anger", 3);
        Path dup = FixtureFiles.image(seq.resolve("001.jpg"));

        assertThatThrownBy(() -> reader.read(dir.resolve("oulu"))).hasMessageContaining("duplicate frame");
        dup.toFile().delete();
        FixtureFiles.image(seq.resolve("frame7.jpeg"));
        assertThatThrownBy(() -> reader.read(dir.resolve("oulu"))).hasMessageContaining("frame7.jpeg")
                .hasMessageContaining("not a frame number like 000.jpeg");
    }

    @Test
    void badSubjectFolderAndEmptyCopyAreErrors() {
        Path tree = dir.resolve("oulu/OriginalImg");
        FixtureFiles.folder(tree.resolve("VL/Strong"));
        assertThatThrownBy(() -> reader.read(dir.resolve("oulu"))).hasMessageContaining("no Oulu-CASIA frames");

        sequence(tree, "VL/Strong", "Subject1", "Anger", 3);
        assertThatThrownBy(() -> reader.read(dir.resolve("oulu"))).hasMessageContaining("Subject1")
                .hasMessageContaining("not an Oulu-CASIA subject folder");
    }

    @Test
    void badOptionsNameTheSetting() {
        assertThatThrownBy(() -> new OuluCasiaReader.Options("OriginalImg", "IR", "Strong", 3, false))
                .hasMessageContaining("fer.oulu.modality=IR");
    }
}
