package io.github.mbaseresnet.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpectedResultsTest {
    @Test
    void table2HoldsThePapersNumbersWithProvenance() {
        ExpectedResults t2 = ExpectedResults.load(Path.of("expected-results/table2-jaffe.yaml"));
        assertThat(t2.source()).isEqualTo("paper");
        assertThat(t2.cells()).extracting(ExpectedCell::value)
                .containsExactly(84.48, 90.00, 90.56, 91.27, 95.80, 96.16);
        ExpectedCell ours = t2.reproducedCells("reduced").get(0);
        assertThat(ours.row()).isEqualTo("MBA-SE-ResNet");
        assertThat(ours.provenance()).isEqualTo("Table 2, row MBA-SE-ResNet");
        assertThat(ours.accepts(93.16)).isTrue();
        assertThat(ours.accepts(93.15)).isFalse();
    }

    @Test
    void theCalibrationNamesItsCommandSeedAndCommit() {
        ExpectedResults synthetic = ExpectedResults.load(Path.of("expected-results/synthetic.yaml"));
        assertThat(synthetic.source()).isEqualTo("calibration");
        assertThat(synthetic.calibration()).containsKeys("command", "seed", "commit");
        assertThat(synthetic.reproducedCells("smoke")).isNotEmpty();
        assertThat(synthetic.reproducedCells("reduced")).isNotEmpty();
        assertThat(synthetic.reproducedCells("paper")).isEmpty();
    }

    @Test
    void aCalibrationThatWasNotRecordedIsRejected(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("placeholder.yaml");
        Files.writeString(bad, """
                table: "Embedded dataset"
                source: calibration
                calibration: {command: "TO BE RECORDED", seed: "42", commit: "abc"}
                tolerance_policy: none
                cells:
                  - {dataset: synthetic, row: X, variant: MBA_SE_RESNET, loss: SOFTMAX, protocol: smoke, value: 50,
                     tolerance: 50, reproduced: true, provenance: calibration}
                """);
        assertThatThrownBy(() -> ExpectedResults.load(bad)).hasMessageContaining(bad.toString())
                .hasMessageContaining("must be recorded");
    }

    @Test
    void aReproducedCellWithoutToleranceIsRejectedNamingTheFile(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                table: "Table 9"
                source: paper
                tolerance_policy: none
                cells:
                  - {dataset: jaffe, row: X, variant: MBA_SE_RESNET, loss: SOFTMAX, value: 1, reproduced: true,
                     provenance: here}
                """);
        assertThatThrownBy(() -> ExpectedResults.load(bad)).hasMessageContaining(bad.toString())
                .hasMessageContaining("needs variant, loss and a tolerance");
    }
}
