package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.DatasetSource;
import io.github.mbaseresnet.experiment.ExpectedCell;
import io.github.mbaseresnet.experiment.ExpectedResults;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.experiment.Reproduction;
import io.github.mbaseresnet.experiment.Verdict;
import io.github.mbaseresnet.report.Ledger;
import io.github.mbaseresnet.report.RunRecords;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every table test does for one cell: find the dataset (skip with the exact reason when it is missing), train
 * and evaluate under the configured protocol, write the run record, report to Allure and the summary, then assert.
 */
final class TableCellRunner {
    private final HarnessSettings settings = HarnessSettings.fromEnvironment();
    private final MeasurementCache measurements;

    TableCellRunner(MeasurementCache measurements) {
        this.measurements = measurements;
    }

    /** Arguments (display name, table, cell) for the reproduced cells of an expected-results file. */
    static Stream<Arguments> cells(String file) {
        ExpectedResults expected = ExpectedResults.load(Path.of("expected-results", file));
        String protocol = HarnessSettings.fromEnvironment().protocol().name();
        return expected.reproducedCells(protocol).stream().map(c -> Arguments.of(expected.table() + " · "
                + DatasetId.fromKey(c.dataset()).map(DatasetId::displayName).orElse(c.dataset()) + " · " + c.row(),
                expected.table(), c));
    }

    void run(String table, ExpectedCell cell, SummaryTable summary) {
        DatasetId dataset = DatasetId.fromKey(cell.dataset()).orElseThrow(() -> new IllegalStateException(
                "expected-results names an unknown dataset '" + cell.dataset() + "'"));
        Allure.epic(table);
        Allure.feature(dataset.displayName());
        Allure.story(cell.row());
        Allure.parameter("expected", cell.value());
        Allure.parameter("tolerance", cell.tolerance());
        Allure.parameter("provenance", cell.provenance());
        var loaded = new DatasetSource(settings).load(dataset);
        if (loaded.isEmpty()) {
            String reason = DatasetSource.missingMessage(dataset);
            summary.add(new SummaryTable.Row(table, cell.row(), dataset.displayName(), format(cell.value()), "-",
                    "±" + format(cell.tolerance()), "SKIPPED: " + dataset.property() + " not set"));
            Assumptions.abort(reason);
        }
        CellReport report = measurements.get(dataset.key() + "/" + cell.variant() + "/" + cell.loss(),
                () -> new Reproduction(settings, System.out::println).measure(table, cell.row(), cell.variant(),
                        cell.loss(), loaded.get())).judgedAgainst(table, cell);
        RunRecords records = new RunRecords(settings.resultsDir());
        Path record = records.write(report);
        attach(report, records.toJson(report));
        Ledger ledger = new Ledger(settings.ledgerFile());
        Ledger.Entry entry = Ledger.Entry.of(report, Instant.now());
        String movement = ledger.previous(entry).map(before -> String.format(Locale.ROOT, "%+.2f since %s%s",
                entry.mean() - before.mean(), before.commit(), Ledger.movedBeyondNoise(before, entry)
                        ? " (beyond noise)" : "")).orElse("first run");
        Allure.parameter("change since the previous run", movement);
        ledger.append(entry);
        var stats = report.statistics();
        String measured = format(stats.mean()) + (stats.n() > 1 ? " ± " + format(stats.standardDeviation()) : "");
        summary.add(new SummaryTable.Row(table, cell.row(), dataset.displayName(), format(cell.value()), measured,
                "±" + format(cell.tolerance()), report.verdict().name()));
        assertThat(report.verdict())
                .as("%s %s on %s: measured %s over %d folds × %d run(s) (protocol %s), expected %s ± %s "
                                + "(%s); run record %s", table, cell.row(), dataset.displayName(), measured,
                        report.measurement().foldsTrained(), report.measurement().runs(), report.protocol(),
                        format(cell.value()), format(cell.tolerance()), cell.provenance(), record)
                .isEqualTo(Verdict.PASS);
    }

    private static void attach(CellReport report, String runRecordJson) {
        var stats = report.statistics();
        Allure.parameter("measured", format(stats.mean()));
        Allure.parameter("std", format(stats.standardDeviation()));
        Allure.parameter("95% CI half-width", format(stats.ciHalfWidth()));
        Allure.parameter("runs", report.measurement().runs());
        Allure.parameter("folds", report.measurement().foldsTrained() + " of " + report.measurement().foldsPerRun());
        Allure.parameter("protocol", report.protocol());
        Allure.parameter("seed", report.seed());
        Allure.parameter("epochs", report.training().epochs());
        Allure.parameter("dataset manifest", report.manifestSha256());
        Allure.addAttachment("confusion matrix", "text/plain", report.measurement().confusion().toText(), ".txt");
        Allure.addAttachment("confusion matrix (csv)", "text/csv", report.measurement().confusion().toCsv(), ".csv");
        Allure.addAttachment("folds (csv)", "text/csv", report.measurement().foldsCsv(), ".csv");
        Allure.addAttachment("run record", "application/json", runRecordJson, ".json");
    }

    static String format(Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
