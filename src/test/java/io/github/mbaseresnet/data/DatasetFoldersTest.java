package io.github.mbaseresnet.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetFoldersTest {
    @Test
    void aLabelFileInAnotherEncodingSaysSoNotThatItIsUnreadable(@TempDir Path dir) throws Exception {
        Path label = Files.write(dir.resolve("S005_001_00000011_emotion.txt"),
                "   3.0000000e+00".getBytes(StandardCharsets.UTF_16));
        assertThatThrownBy(() -> DatasetFolders.readText(label)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(label.toString()).hasMessageContaining("is not a UTF-8/ASCII text file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("permissions"));
    }
}
