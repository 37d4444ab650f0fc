package io.github.mbaseresnet.data.synthetic;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticReaderTest {

    private final SyntheticReader reader = new SyntheticReader();

    @Test
    void readsNamesIgnoringHiddenFilesAndTheMarker(@TempDir Path dir) throws IOException {
        touch(dir.resolve("S03_HA_i2_v1.png"));
        touch(dir.resolve("S01_SU_i3_v12.png"));
        touch(dir.resolve(SyntheticDataset.COMPLETE_MARKER));
        touch(dir.resolve(".DS_Store"));

        List<Sample> samples = reader.read(dir);

        assertThat(samples).containsExactly(
                new Sample(dir.resolve("S01_SU_i3_v12.png"), "S01", Expression.SURPRISE, "S01_SU_i3_v12", 0),
                new Sample(dir.resolve("S03_HA_i2_v1.png"), "S03", Expression.HAPPINESS, "S03_HA_i2_v1", 0));
    }

    @Test
    void missingFolderIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> reader.read(missing))
                .isInstanceOf(DatasetException.class).hasMessageContaining("nowhere");
    }

    @Test
    void emptyFolderIsNamed(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty-copy"));
        touch(empty.resolve(SyntheticDataset.COMPLETE_MARKER));
        assertThatThrownBy(() -> reader.read(empty))
                .isInstanceOf(DatasetException.class).hasMessageContaining("empty-copy");
    }

    @Test
    void badlyNamedFilesAreNamed(@TempDir Path dir) throws IOException {
        touch(dir.resolve("S01_HA_i1_v1.png"));
        for (String bad : List.of("face_03.png", "S01_XX_i1_v1.png", "S1_HA_i1_v1.png", "S01_HA_i1_v1.jpg")) {
            Path file = dir.resolve(bad);
            touch(file);
            assertThatThrownBy(() -> reader.read(dir))
                    .isInstanceOf(DatasetException.class).hasMessageContaining(bad)
                    .extracting(e -> ((DatasetException) e).file()).isEqualTo(file);
            Files.delete(file);
        }
    }

    @Test
    void subfolderIsRejected(@TempDir Path dir) throws IOException {
        Files.createDirectory(dir.resolve("S01_HA_i1_v1.png"));
        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(DatasetException.class).hasMessageContaining("S01_HA_i1_v1.png");
    }

    private static void touch(Path file) throws IOException {
        Files.write(file, new byte[0]);
    }
}
