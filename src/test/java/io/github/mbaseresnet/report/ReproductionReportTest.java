package io.github.mbaseresnet.report;

import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.Shard;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary as a function of run records and expected results, with every value computed by hand. */
class ReproductionReportTest {
    @TempDir
    static Path expected;

    /** A paper table (two synthetic cells, one JAFFE cell, one claim) and a calibration of another protocol. */
    @BeforeAll
    static void writeExpectedResults() throws Exception {
        Files.writeString(expected.resolve("table9.yaml"), """
                table: "Table 9"
                title: "test"
                source: paper
                tolerance_policy: "3 points"
                cells:
                  - {dataset: synthetic, row: "MBA-SE-ResNet", variant: MBA_SE_RESNET, loss: EXP_COSINE_MARGIN, value: 75.0, tolerance: 3.0, reproduced: true, provenance: "t"}
                  - {dataset: synthetic, row: "SE-ResNet", variant: SE_RESNET, loss: EXP_COSINE_MARGIN, value: 60.0, tolerance: 3.0, reproduced: true, provenance: "t"}
                  - {dataset: jaffe, row: "MBA-SE-ResNet", variant: MBA_SE_RESNET, loss: EXP_COSINE_MARGIN, value: 90.0, tolerance: 3.0, reproduced: true, provenance: "t"}
                claims:
                  - {id: mba-beats-se, statement: "s", better: {variant: MBA_SE_RESNET, loss: EXP_COSINE_MARGIN}, worse: {variant: SE_RESNET, loss: EXP_COSINE_MARGIN}, kind: every, provenance: "t"}
                """);
        Files.writeString(expected.resolve("calibration.yaml"), """
                table: "Embedded dataset"
                title: "test"
                source: calibration
                calibration: {command: "c", seed: "42", commit: "abc"}
                tolerance_policy: "p"
                cells:
                  - {dataset: synthetic, row: "MBA-SE-ResNet", variant: MBA_SE_RESNET, loss: EXP_COSINE_MARGIN, protocol: reduced, value: 70.0, tolerance: 3.0, reproduced: true, provenance: "t"}
                """);
    }

    static CellReport mba(int... correct) {
        return RunRecordFixture.cell("Table 9", "MBA-SE-ResNet", "synthetic", Variant.MBA_SE_RESNET,
                LossKind.EXP_COSINE_MARGIN, "abc", correct);
    }

    static CellReport se(int... correct) {
        return RunRecordFixture.cell("Table 9", "SE-ResNet", "synthetic", Variant.SE_RESNET,
                LossKind.EXP_COSINE_MARGIN, "abc", correct);
    }

    @Test
    void cellsAreJudgedFromTheRecordsAndMissingOnesSaySo(@TempDir Path dir) {
        // MBA folds 70, 80: mean 75, sd √50 = 7.07, |75 − 75| ≤ 3; SE folds 50, 60: 55 ± 7.07, |55 − 60| = 5 > 3;
        // paired gains 20, 20: mean 20, sd 0, interval [20, 20]
        var rows = new ReproductionReport(expected).rows(new ReproductionReport.Inputs(List.of(mba(7, 8),
                se(5, 6)), "smoke", new Ledger(dir.resolve("ledger.jsonl"))));
        assertThat(rows).containsExactly(
                new ReproductionReport.Row("Embedded dataset", "-", "-", "-", "-", "-",
                        "SKIPPED: no value recorded for protocol smoke (recorded: [reduced])"),
                new ReproductionReport.Row("Table 9", "MBA-SE-ResNet", "Synthetic (embedded)", "75.00",
                        "75.00 ± 7.07", "±3.00", "PASS"),
                new ReproductionReport.Row("Table 9", "SE-ResNet", "Synthetic (embedded)", "60.00", "55.00 ± 7.07",
                        "±3.00", "OUT_OF_TOLERANCE"),
                new ReproductionReport.Row("Table 9", "MBA-SE-ResNet", "JAFFE", "90.00", "-", "±3.00",
                        "NOT MEASURED: no run record (needs fer.data.jaffe)"),
                new ReproductionReport.Row("Table 9", "claim: mba-beats-se", "Synthetic (embedded)",
                        "gain > 0 on each", "paired gain (95% interval) per dataset: Synthetic (embedded) +20.00 "
                        + "[+20.00, +20.00]", "-", "SUPPORTED"));
    }

    @Test
    void aShardReportsItsCellsAsPartialNeverAsResults(@TempDir Path dir) {
        CellReport partial = RunRecordFixture.partial(se(5));
        var rows = new ReproductionReport(expected).rows(new ReproductionReport.Inputs(List.of(mba(7, 8), partial),
                "smoke", new Shard(2, 3), new Ledger(dir.resolve("ledger.jsonl")),
                Set.of("jaffe/MBA_SE_RESNET/EXP_COSINE_MARGIN")));
        assertThat(rows).extracting(ReproductionReport.Row::verdict).containsExactly(
                "SKIPPED: no value recorded for protocol smoke (recorded: [reduced])", "PASS", "partial (shard 2/3)",
                "partial (shard 2/3)", "partial (shard 2/3)");
    }

    @Test
    void theSummaryIsAFixedWidthMarkdownTable() {
        assertThat(ReproductionReport.table(List.of(new ReproductionReport.Row("T", "r", "d", "1.00", "2.00",
                "±3.00", "PASS"))).lines()).containsExactly(
                "| table | row | dataset | expected | measured | tolerance | verdict |",
                "|-------|-----|---------|----------|----------|-----------|---------|",
                "| T     | r   | d       | 1.00     | 2.00     | ±3.00     | PASS    |");
    }

    @Test
    void writesTheSummaryTheReportTheFiguresAndTheLedgerMovements(@TempDir Path dir) throws Exception {
        Ledger ledger = new Ledger(dir.resolve("ledger.jsonl"));
        Instant t = Instant.parse("2026-12-03T00:00:00Z");
        ledger.append(Ledger.Entry.of(RunRecordFixture.cell("Table 9", "MBA-SE-ResNet", "synthetic",
                Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN, "old", 3, 4), t));
        ledger.append(Ledger.Entry.of(mba(7, 8), t));
        String table = new ReproductionReport(Path.of("expected-results")).write(dir, new ReproductionReport.Inputs(
                List.of(mba(7, 8)), "smoke", ledger), t);
        assertThat(Files.readString(dir.resolve("summary.md"))).isEqualTo("# Reproduction summary\n\n" + table);
        String report = Files.readString(dir.resolve("reproducibility-report.md"));
        // before: folds 30, 40 (se 5); now: 70, 80 (se 5); +40 > 2·√50 = 14.1
        assertThat(report).contains("Generated 2026-12-03T00:00:00Z from 1 run record(s) of commit `abc`, "
                + "protocol `smoke`, seed 42.").contains("- Table 9 · synthetic · MBA-SE-ResNet: 75.00, +40.00 "
                + "since old (beyond noise)").contains("| dataset.synthetic.manifest_sha256 | " + RunRecordFixture
                .MANIFEST + " |");
        assertThat(dir.resolve("table-9/synthetic-mba-se-resnet-confusion.png")).isNotEmptyFile();
        assertThat(dir.resolve("figures/synthetic-accuracy-per-epoch.png")).isNotEmptyFile();
    }
}
