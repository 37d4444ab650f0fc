package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.report.RunRecordFixture;
import io.github.mbaseresnet.report.RunRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.github.mbaseresnet.cli.FerCommandTest.fer;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code fer report} and {@code fer report compare} on run records built in code (no training). */
class ReportCommandTest {
    private static CellReport cell(String row, Variant variant, LossKind loss, int... correct) {
        return RunRecordFixture.judged(RunRecordFixture.cell("Embedded dataset", row, "synthetic", variant, loss,
                "abc", correct), 41.67, 14.0);
    }

    private static Path run(Path dir, CellReport... records) {
        Arrays.stream(records).forEach(new RunRecords(dir)::write);
        return dir;
    }

    @Test
    void reportReRendersTheSummaryFromTheRunRecords(@TempDir Path dir) throws Exception {
        // folds 40 and 50: mean 45, sd √50 = 7.07; |45 − 41.67| ≤ 14 (synthetic.yaml, smoke)
        run(dir, cell("MBA-SE-ResNet", Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN, 4, 5));
        FerCommandTest.Result r = fer("report", dir.toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(rows(r.out())).contains(
                List.of("Embedded dataset", "MBA-SE-ResNet", "Synthetic (embedded)", "41.67", "45.00 ± 7.07",
                        "±14.00", "PASS"),
                List.of("Embedded dataset", "CNN (baseline)", "Synthetic (embedded)", "57.87", "-", "±13.00",
                        "NOT MEASURED: no run record"),
                List.of("Table 2", "MBA-SE-ResNet", "JAFFE", "96.16", "-", "±3.00",
                        "NOT MEASURED: no run record (needs fer.data.jaffe)"));
        assertThat(Files.readString(dir.resolve("summary.md"))).isEqualTo("# Reproduction summary\n\n" + r.out());
        assertThat(dir.resolve("reproducibility-report.md")).isNotEmptyFile();
    }

    @Test
    void aFolderWithoutRecordsIsAnInputError(@TempDir Path dir) {
        FerCommandTest.Result r = fer("report", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(dir + " holds no run record");
    }

    @Test
    void compareFlagsADropBeyondNoiseAndExitsWith3(@TempDir Path dir) {
        // same folds and seeds: paired. MBA 70, 80 → 50, 60: differences −20, −20 (sd 0), interval [−20, −20];
        // CNN 50, 50 → 50, 50: interval [0, 0], within noise
        Path a = run(dir.resolve("a"), cell("MBA-SE-ResNet", Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN, 7, 8),
                cell("CNN (baseline)", Variant.CNN_BASELINE, LossKind.SOFTMAX, 5, 5));
        Path b = run(dir.resolve("b"), cell("MBA-SE-ResNet", Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN, 5, 6),
                cell("CNN (baseline)", Variant.CNN_BASELINE, LossKind.SOFTMAX, 5, 5));
        FerCommandTest.Result r = fer("report", "compare", a.toString(), b.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ReportCommand.REGRESSION);
        assertThat(rows(r.out())).containsExactly(
                List.of("cell", "A", "B", "B − A", "noise test", "verdict"),
                List.of("Embedded dataset · synthetic · CNN (baseline)", "50.00", "50.00", "+0.00",
                        "paired over 2 folds, 95% CI [+0.00, +0.00]", "within noise"),
                List.of("Embedded dataset · synthetic · MBA-SE-ResNet", "75.00", "55.00", "-20.00",
                        "paired over 2 folds, 95% CI [-20.00, -20.00]", "REGRESSION beyond noise"));
        assertThat(fer("report", "compare", a.toString(), a.toString()).code()).isZero();
    }

    @Test
    void unpairedRunsUseTwiceTheCombinedStandardError(@TempDir Path dir) {
        // A: one fold of 70 (se 0); B: folds 50, 60 on other subjects than A's (se 5): |55 − 70| = 15 > 2·5
        Path a = run(dir.resolve("a"), cell("MBA-SE-ResNet", Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN, 7));
        Path b = run(dir.resolve("b"), cell("MBA-SE-ResNet", Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN, 5, 6));
        FerCommandTest.Result r = fer("report", "compare", a.toString(), b.toString());
        assertThat(r.code()).isEqualTo(ReportCommand.REGRESSION);
        assertThat(rows(r.out()).get(1)).containsExactly(
                "Embedded dataset · synthetic · MBA-SE-ResNet", "70.00", "55.00", "-15.00",
                "unpaired, difference > 2 × combined SE", "REGRESSION beyond noise");
    }

    /** The table's lines (without the separator) as trimmed cells. */
    private static List<List<String>> rows(String out) {
        return out.lines().filter(l -> l.startsWith("|") && !l.startsWith("|-")).map(ReportCommandTest::cells)
                .toList();
    }

    /** The cells of one table line, trimmed. */
    private static List<String> cells(String line) {
        return Arrays.stream(line.split("\\|")).skip(1).map(String::trim).toList();
    }
}
