package io.github.mbaseresnet.data.folders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.FixtureFiles;
import io.github.mbaseresnet.data.ReadResult;
import io.github.mbaseresnet.data.Sample;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated CK+48-style copy ({@code CK+48/anger/S010_004_00000017.png}, DATASETS.md §1), tiny PNGs. */
class FolderPerClassReaderTest {
    @TempDir
    Path dir;

    private final FolderPerClassReader reader = new FolderPerClassReader(DatasetId.CKPLUS,
            new FolderPerClassReader.Options(FolderPerClassReader.CKPLUS_PATTERN,
                    EnumSet.copyOf(ClassSet.SIX_BASIC.expressions())));

    /** Last three frames of one sequence in its class folder. */
    private static void sequence(Path root, String folder, String subject, String seq, int last) {
        for (int f = last - 2; f <= last; f++) {
            FixtureFiles.image(root.resolve(folder).resolve(String.format("%s_%s_%08d.png", subject, seq, f)));
        }
    }

    private Path ck48() {
        Path root = dir.resolve("CK+48");
        sequence(root, "anger", "S010", "004", 17);
        sequence(root, "anger", "S011", "001", 9);
        sequence(root, "happy", "S010", "006", 20);
        sequence(root, "contempt", "S138", "008", 12);
        sequence(root, "surprise", "S011", "002", 30);
        return root;
    }

    @Test
    void classFromTheFolderSubjectSequenceAndFrameFromTheName() {
        Path root = ck48();

        ReadResult result = reader.scan(root);

        assertThat(result.samples()).hasSize(12);
        assertThat(FixtureFiles.count(result.samples(), s -> s.label().code()))
                .isEqualTo(Map.of("AN", 6, "HA", 3, "SU", 3));
        assertThat(FixtureFiles.count(result.samples(), Sample::subject)).isEqualTo(Map.of("S010", 6, "S011", 6));
        assertThat(result.samples().get(0)).isEqualTo(new Sample(root.resolve("anger/S010_004_00000015.png"), "S010",
                Expression.ANGER, "S010_004", 15));
        assertThat(result.excludedByReason()).isEqualTo(Map.of("class folder contempt/ is not in the class set", 3));
        assertThat(FolderPerClassReader.looksLikeClassFolders(root)).isTrue();
        assertThat(FolderPerClassReader.looksLikeClassFolders(dir)).isFalse();
    }

    @Test
    void subjectPatternIsASettingAndSequenceAndFrameAreOptional() {
        Path root = dir.resolve("copy");
        FixtureFiles.image(root.resolve("Sad/KA.SA1.33.png"));
        FixtureFiles.image(root.resolve("Fearful/YM.FE2.61.png"));

        List<Sample> samples = new FolderPerClassReader(DatasetId.JAFFE, new FolderPerClassReader.Options(
                "(?<subject>[A-Z]{2})\\..*", EnumSet.allOf(Expression.class))).read(root);

        assertThat(samples).containsExactly(
                new Sample(root.resolve("Fearful/YM.FE2.61.png"), "YM", Expression.FEAR, "YM.FE2.61", 0),
                new Sample(root.resolve("Sad/KA.SA1.33.png"), "KA", Expression.SADNESS, "KA.SA1.33", 0));
    }

    @Test
    void nameThePatternDoesNotMatchIsAnError() {
        Path root = ck48();
        Path odd = FixtureFiles.image(root.resolve("happy/img_0001.png"));

        assertThatThrownBy(() -> reader.read(root)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(odd.toString()).hasMessageContaining("fer.folders.pattern");
    }

    @Test
    void sameFileInTwoClassFoldersIsADuplicate() {
        Path root = ck48();
        FixtureFiles.image(root.resolve("surprise/S010_004_00000017.png"));

        assertThatThrownBy(() -> reader.read(root)).hasMessageContaining("duplicate sample")
                .hasMessageContaining("S010_004_00000017");
    }

    @Test
    void unknownClassFolderIsAnErrorAndTheParentIsPointedToTheCopy() {
        Path root = ck48();
        FixtureFiles.image(root.resolve("bored/S010_001_00000001.png"));
        assertThatThrownBy(() -> reader.read(root)).hasMessageContaining("bored")
                .hasMessageContaining("is not a class folder");

        Path parent = dir.resolve("parent");
        sequence(parent.resolve("CK+48"), "anger", "S010", "004", 17);
        assertThatThrownBy(() -> reader.read(parent)).hasMessageContaining("holds class folders itself: point at "
                + parent.resolve("CK+48"));
    }

    @Test
    void emptyClassFolderIsACountedExclusionAndAnEmptyCopyAnError() {
        Path root = ck48();
        Path fear = FixtureFiles.folder(root.resolve("fear"));

        assertThat(reader.scan(root).excluded()).filteredOn(e -> e.file().equals(fear)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("class folder holds no images"));
        Path empty = FixtureFiles.folder(dir.resolve("empty"));
        assertThatThrownBy(() -> reader.read(empty)).hasMessageContaining("no class folder");
    }

    @Test
    void patternWithoutSubjectGroupIsRefused() {
        assertThatThrownBy(() -> new FolderPerClassReader.Options("S\\d{3}_.*", EnumSet.allOf(Expression.class)))
                .hasMessageContaining("(?<subject>...)");
        assertThatThrownBy(() -> new FolderPerClassReader.Options("(?<subject>S\\d{3}", EnumSet.allOf(
                Expression.class))).hasMessageContaining("not a regular expression");
    }
}
