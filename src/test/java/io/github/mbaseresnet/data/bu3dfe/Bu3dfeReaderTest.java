package io.github.mbaseresnet.data.bu3dfe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.FixtureFiles;
import io.github.mbaseresnet.data.ReadResult;
import io.github.mbaseresnet.data.Sample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated BU-3DFE subject folders in the distributed layout (DATASETS.md §4), tiny gray BMPs, never faces. */
class Bu3dfeReaderTest {
    private static final List<String> CODES = List.of("AN", "DI", "FE", "HA", "SA", "SU");

    @TempDir
    Path dir;

    private final Bu3dfeReader reader = new Bu3dfeReader(Bu3dfeReader.Options.DEFAULT);

    /** A full subject: 6 expressions × 4 intensities + NE00, each with the 3-D files that are not read. */
    private Path subject(String subject, String race) {
        Path folder = dir.resolve("bu3dfe").resolve(subject);
        FixtureFiles.image(folder.resolve(subject + "_NE00" + race + "_F2D.bmp"));
        FixtureFiles.text(folder.resolve(subject + "_NE00" + race + "_F3D.wrl"), "#VRML");
        for (String code : CODES) {
            for (int i = 1; i <= 4; i++) {
                String stem = subject + "_" + code + "0" + i + race;
                FixtureFiles.image(folder.resolve(stem + "_F2D.bmp"));
                FixtureFiles.text(folder.resolve(stem + "_F3D.wrl"), "#VRML");
                FixtureFiles.text(folder.resolve(stem + "_F3D.bnd"), "1 2 3");
                FixtureFiles.image(folder.resolve(stem + "_F3D.bmp"));
            }
        }
        return folder;
    }

    @Test
    void keepsIntensitiesThreeAndFourOfTheSixExpressions() {
        Path f1 = subject("F0001", "WH");
        subject("M0044", "AE");

        ReadResult result = reader.scan(dir.resolve("bu3dfe"));

        assertThat(result.samples()).hasSize(2 * 6 * 2);
        assertThat(FixtureFiles.count(result.samples(), s -> s.label().code()))
                .isEqualTo(Map.of("AN", 4, "DI", 4, "FE", 4, "HA", 4, "SA", 4, "SU", 4));
        assertThat(FixtureFiles.count(result.samples(), Sample::subject)).isEqualTo(Map.of("F0001", 12, "M0044", 12));
        assertThat(result.samples().get(0)).isEqualTo(new Sample(f1.resolve("F0001_AN03WH_F2D.bmp"), "F0001",
                Expression.ANGER, "F0001_AN", 3));
        assertThat(result.excludedByReason()).isEqualTo(Map.of(
                "intensity 1 not in fer.bu3dfe.intensities=3,4", 12,
                "intensity 2 not in fer.bu3dfe.intensities=3,4", 12,
                "neutral NE00 left out (fer.bu3dfe.neutral=false)", 2));
    }

    @Test
    void allIntensitiesAndNeutralWhenAsked() {
        subject("F0001", "BL");

        List<Sample> samples = new Bu3dfeReader(new Bu3dfeReader.Options(Set.of(1, 2, 3, 4), true))
                .read(dir.resolve("bu3dfe"));

        assertThat(samples).hasSize(25);
        assertThat(samples).filteredOn(s -> s.label() == Expression.NEUTRAL).singleElement()
                .satisfies(s -> assertThat(s.frame()).isZero());
    }

    @Test
    void nameThatDoesNotParseIsAnError() {
        Path f1 = subject("F0001", "WH");
        Path bad = FixtureFiles.image(f1.resolve("F0001_XX03WH_F2D.bmp"));

        assertThatThrownBy(() -> reader.read(dir.resolve("bu3dfe"))).isInstanceOf(DatasetException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("F0001_AN01WH_F2D.bmp");
    }

    @Test
    void unknownIntensityIsAnError() {
        Path f1 = subject("F0001", "WH");
        FixtureFiles.image(f1.resolve("F0001_AN05WH_F2D.bmp"));
        assertThatThrownBy(() -> reader.read(dir.resolve("bu3dfe"))).hasMessageContaining("unknown intensity 05");

        f1.resolve("F0001_AN05WH_F2D.bmp").toFile().delete();
        FixtureFiles.image(f1.resolve("F0001_NE01WH_F2D.bmp"));
        assertThatThrownBy(() -> reader.read(dir.resolve("bu3dfe"))).hasMessageContaining("unknown intensity 01 for NE");
    }

    @Test
    void sameImageTwiceIsADuplicate() {
        Path f1 = subject("F0001", "WH");
        FixtureFiles.image(f1.resolve("F0001_HA04WH_F2D.png"));

        assertThatThrownBy(() -> reader.read(dir.resolve("bu3dfe"))).hasMessageContaining("duplicate sample")
                .hasMessageContaining("F0001_HA04WH_F2D.bmp");
    }

    @Test
    void fileInTheWrongSubjectFolderIsAnError() {
        Path f1 = subject("F0001", "WH");
        FixtureFiles.image(f1.resolve("F0002_HA04WH_F2D.bmp"));

        assertThatThrownBy(() -> reader.read(dir.resolve("bu3dfe"))).hasMessageContaining("belongs to subject F0002");
    }

    @Test
    void texturesOutsideSubjectFoldersAreCountedExclusions() {
        subject("F0001", "WH");
        Path loose = FixtureFiles.image(dir.resolve("bu3dfe/F0003_HA04WH_F2D.bmp"));
        Path old = dir.resolve("bu3dfe/F0002_old");
        FixtureFiles.image(old.resolve("F0002_HA04WH_F2D.bmp"));

        ReadResult result = reader.scan(dir.resolve("bu3dfe"));

        assertThat(result.samples()).hasSize(12);
        assertThat(result.excluded()).filteredOn(e -> !e.file().startsWith(dir.resolve("bu3dfe/F0001")))
                .extracting(e -> e.file().getFileName().toString() + ": " + e.reason())
                .containsExactlyInAnyOrder("F0003_HA04WH_F2D.bmp: texture outside a subject folder (F0001/ ... M0044/)",
                        "F0002_old: folder of textures not named like a subject (F0001 ... M0044)");
        assertThat(loose).exists();
    }

    @Test
    void subjectWithoutTexturesIsACountedExclusion() {
        subject("F0001", "WH");
        Path empty = FixtureFiles.folder(dir.resolve("bu3dfe/F0002"));

        ReadResult result = reader.scan(dir.resolve("bu3dfe"));

        assertThat(result.excluded()).filteredOn(e -> e.file().equals(empty)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("subject folder holds no _F2D texture image"));
    }

    @Test
    void wrongRootsSayWhereTheSubjectsAre() {
        Path f1 = subject("F0001", "WH");

        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("but " + dir.resolve("bu3dfe") + " does");
        assertThatThrownBy(() -> reader.read(f1)).hasMessageContaining("this is one BU-3DFE subject folder");
        Path packed = FixtureFiles.text(dir.resolve("packed/F0001.rar"), "rar").getParent();
        assertThatThrownBy(() -> reader.read(packed)).hasMessageContaining("still packed");
        Path empty = FixtureFiles.folder(dir.resolve("empty"));
        assertThatThrownBy(() -> reader.read(empty)).hasMessageContaining("no BU-3DFE subject folder")
                .hasMessageContaining("Binghamton");
    }

    @Test
    void badIntensitySettingIsAnError() {
        assertThatThrownBy(() -> new Bu3dfeReader.Options(Set.of(5), false))
                .hasMessageContaining("fer.bu3dfe.intensities");
    }
}
