package io.github.mbaseresnet.report;

import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunRecordsTest {
    @Test
    void aWrittenRecordReadsBackEqual(@TempDir Path dir) throws Exception {
        CellReport r = RunRecordFixture.judged(RunRecordFixture.cell("Table 2", "MBA-SE-ResNet", "jaffe",
                Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN, "abc", 7, 8), 75, 3);
        RunRecords records = new RunRecords(dir);
        Path file = records.write(r);
        Files.createDirectories(dir.resolve("folds/x"));
        Files.writeString(dir.resolve("folds/x/run-01-fold-01.json"), "{}"); // not a record
        assertThat(records.files()).containsExactly(file);
        CellReport back = records.read(file);
        assertThat(back).isEqualTo(r);
        assertThat(records.toJson(back)).isEqualTo(records.toJson(r));
    }

    @Test
    void aFileThatIsNotARecordIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path bad = Files.createDirectories(dir.resolve("table-2")).resolve("jaffe-x.json");
        Files.writeString(bad, "{\"table\": ");
        assertThatThrownBy(() -> new RunRecords(dir).readAll()).hasMessageContaining(bad.toString())
                .hasMessageContaining("is not a run record");
    }
}
