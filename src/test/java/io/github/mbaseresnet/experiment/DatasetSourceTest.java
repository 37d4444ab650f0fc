package io.github.mbaseresnet.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.FixtureFiles;
import io.github.mbaseresnet.data.Sample;
import io.github.mbaseresnet.data.bu3dfe.Bu3dfeReader;
import io.github.mbaseresnet.data.folders.FolderPerClassReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSourceTest {
    @TempDir
    Path dir;

    private Path ck48() {
        Path root = dir.resolve("CK+48");
        FixtureFiles.image(root.resolve("anger/S010_004_00000017.png"));
        FixtureFiles.image(root.resolve("contempt/S138_008_00000012.png"));
        return root;
    }

    @Test
    void aFolderPerClassCopyOfCkPlusIsReadWithItsExclusionsAndImagesReported() {
        Path root = ck48();
        HarnessSettings s = HarnessSettings.of(Map.of("fer.data.ckplus", root.toString(), "fer.lock.enforce", "false"));

        var loaded = new DatasetSource(s).load(DatasetId.CKPLUS).orElseThrow();

        assertThat(new DatasetSource(s).reader(DatasetId.CKPLUS, root)).isInstanceOf(FolderPerClassReader.class);
        assertThat(loaded.samples()).containsExactly(new Sample(root.resolve("anger/S010_004_00000017.png"), "S010",
                Expression.ANGER, "S010_004", 17));
        assertThat(loaded.exclusionSummary()).isEqualTo("1 × class folder contempt/ is not in the class set");
        assertThat(loaded.images()).isEqualTo("4x3 gray: 1");
        assertThat(loaded.lockCheck().mismatches()).extracting(m -> m.field()).contains("files", "classes.SU");
    }

    @Test
    void contemptSettingKeepsCkPlus48sContemptFolder() {
        Path root = ck48();
        HarnessSettings s = HarnessSettings.of(Map.of("fer.data.ckplus", root.toString(), "fer.lock.enforce", "false",
                "fer.ckplus.contempt", "true"));

        assertThat(new DatasetSource(s).load(DatasetId.CKPLUS).orElseThrow().samples()).hasSize(2);
    }

    @Test
    void layoutSettingChoosesTheDistributedReader() {
        Path root = ck48();
        HarnessSettings s = HarnessSettings.of(Map.of("fer.data.ckplus", root.toString(), "fer.layout.ckplus",
                "distributed"));

        assertThatThrownBy(() -> new DatasetSource(s).load(DatasetId.CKPLUS)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("no cohn-kanade-images/ folder");
    }

    @Test
    void aCopyThatDiffersFromTheLockIsRefusedSayingWhatWasLeftOut() {
        Path root = dir.resolve("bu3dfe");
        FixtureFiles.image(root.resolve("F0001/F0001_AN03WH_F2D.bmp"));
        FixtureFiles.image(root.resolve("F0001/F0001_AN01WH_F2D.bmp"));
        HarnessSettings s = HarnessSettings.of(Map.of("fer.data.bu3dfe", root.toString()));

        assertThat(new DatasetSource(s).reader(DatasetId.BU3DFE, root)).isInstanceOf(Bu3dfeReader.class);
        assertThatThrownBy(() -> new DatasetSource(s).load(DatasetId.BU3DFE)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("differs from datasets.lock")
                .hasMessageContaining("left out: 1 × intensity 1 not in fer.bu3dfe.intensities=3,4");
    }

    @Test
    void imageCheckCanBeTurnedOff() {
        Path root = dir.resolve("bu3dfe");
        FixtureFiles.text(root.resolve("F0001/F0001_AN03WH_F2D.bmp"), "not decoded");
        HarnessSettings s = HarnessSettings.of(Map.of("fer.data.bu3dfe", root.toString(), "fer.lock.enforce",
                "false", "fer.images.check", "false"));

        var loaded = new DatasetSource(s).load(DatasetId.BU3DFE).orElseThrow();

        assertThat(loaded.samples()).hasSize(1);
        assertThat(loaded.images()).startsWith("not checked");
        HarnessSettings checking = HarnessSettings.of(Map.of("fer.data.bu3dfe", root.toString(),
                "fer.lock.enforce", "false"));
        assertThatThrownBy(() -> new DatasetSource(checking).load(DatasetId.BU3DFE))
                .hasMessageContaining("F0001_AN03WH_F2D.bmp").hasMessageContaining("not an image");
    }
}
