package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.eval.PairedComparison;
import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.Claim;
import io.github.mbaseresnet.experiment.ConfusionCheck;
import io.github.mbaseresnet.experiment.DatasetSource;
import io.github.mbaseresnet.experiment.ExpectedCell;
import io.github.mbaseresnet.experiment.ExpectedResults;
import io.github.mbaseresnet.experiment.ExperimentGrid;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.experiment.Reproduction;
import io.github.mbaseresnet.experiment.RunRecordCheck;
import io.github.mbaseresnet.experiment.Verdict;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.ModelSummary;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.report.AtomicFiles;
import io.github.mbaseresnet.report.ContactSheet;
import io.github.mbaseresnet.report.Figures;
import io.github.mbaseresnet.report.Ledger;
import io.github.mbaseresnet.report.ReproductionReport;
import io.github.mbaseresnet.report.RunRecords;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every table test does for one cell: find the dataset (skip with the exact reason when it is missing), train
 * and evaluate under the configured protocol, write the run record, report to Allure, then assert. The summary and
 * the report are rendered from the run records when the run ends ({@link MeasurementCache#close()}). In a shard
 * (fer.shard, issue 8) a cell whose units other shards also train writes its partial record and is skipped as
 * "partial (shard i/n)": it is judged by {@code fer merge}, never here on partial folds.
 */
final class TableCellRunner {
    private final HarnessSettings settings = HarnessSettings.fromEnvironment();
    private final MeasurementCache measurements;

    TableCellRunner(MeasurementCache measurements) {
        this.measurements = measurements;
    }

    /**
     * Arguments (display name, table, cell) for the reproduced cells of an expected-results file. A calibration file
     * with no value for the running protocol (e.g. the embedded dataset under {@code paper} or a {@code -custom}
     * protocol) gives one case without a cell, which is skipped with that reason instead of silently vanishing.
     */
    static Stream<Arguments> cells(String file) {
        ExpectedResults expected = ExpectedResults.load(Path.of("expected-results", file));
        String protocol = HarnessSettings.fromEnvironment().protocol().name();
        List<ExpectedCell> cells = expected.reproducedCells(protocol);
        if (cells.isEmpty()) {
            return Stream.of(Arguments.of("no value recorded for protocol " + protocol + " in expected-results/"
                    + file + " (recorded: " + expected.cells().stream().map(ExpectedCell::protocol).distinct()
                    .toList() + ")", expected.table(), null));
        }
        return cells.stream().map(c -> Arguments.of(expected.table() + " · "
                + DatasetId.fromKey(c.dataset()).map(DatasetId::displayName).orElse(c.dataset()) + " · " + c.row(),
                expected.table(), c));
    }

    void run(String name, String table, ExpectedCell cell) {
        if (cell == null) {
            Assumptions.abort(name);
        }
        DatasetId dataset = DatasetId.fromKey(cell.dataset()).orElseThrow(() -> new IllegalStateException(
                "expected-results names an unknown dataset '" + cell.dataset() + "'"));
        Allure.epic(table);
        Allure.feature(dataset.displayName());
        Allure.story(cell.row());
        Allure.parameter("expected", cell.value());
        Allure.parameter("tolerance", cell.tolerance());
        Allure.parameter("provenance", cell.provenance());
        Optional<String> missing = unavailable(dataset);
        if (missing.isPresent()) {
            Assumptions.abort(missing.get());
        }
        Optional<CellReport> measurement = measured(table, dataset, cell.row(), cell.variant(), cell.loss());
        RunRecords records = new RunRecords(settings.resultsDir());
        if (measurement.isEmpty() || measurement.get().verdict() == Verdict.PARTIAL) {
            measurement.map(m -> m.judgedAgainst(table, cell)).ifPresent(r -> { // the merge needs the partial record
                records.write(r);
                measurements.recorded(r);
            });
            abortAsPartial(measurement.map(CellReport::configuration).orElse(dataset.key()));
        }
        CellReport report = measurement.get().judgedAgainst(table, cell);
        Path record = records.write(report);
        attach(report, records.toJson(report));
        Allure.addAttachment("contact sheet (aligned faces per class, landmarks on originals)", "image/png",
                new java.io.ByteArrayInputStream(contactSheet(dataset)), ".png");
        Allure.addAttachment("accuracy per epoch (figure)", "image/png", new java.io.ByteArrayInputStream(
                Figures.accuracyPerEpoch(Map.of(cell.row(), report.measurement().meanAccuracyPerEpoch()),
                        dataset.displayName() + " · " + cell.row() + ": test accuracy per epoch")), ".png");
        List<String> problems = RunRecordCheck.problems(report, settings.protocol().runs(),
                settings.protocol().foldsRun(settings.folds(dataset)), settings.training().epochs());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("run record " + record + " is incomplete, the cell is not counted: "
                    + problems);
        }
        measurements.recorded(report); // only a record that passed the check is rendered as a result
        byte[] confusion = Figures.confusionMatrix(report.measurement().confusion(), table + " · "
                + dataset.displayName() + " · " + cell.row() + " (% of each true class)");
        Allure.addAttachment("confusion matrix (figure)", "image/png", new java.io.ByteArrayInputStream(confusion),
                ".png");
        Ledger ledger = new Ledger(settings.ledgerFile());
        Ledger.Entry entry = Ledger.Entry.of(report, Instant.now());
        String movement = ledger.previous(entry).map(before -> String.format(Locale.ROOT, "%+.2f since %s%s",
                entry.mean() - before.mean(), before.commit(), Ledger.movedBeyondNoise(before, entry)
                        ? " (beyond noise)" : "")).orElse("first run");
        Allure.parameter("change since the previous run", movement);
        ledger.append(entry);
        String measured = ReproductionReport.measured(report);
        assertThat(report.verdict())
                .as("%s %s on %s: measured %s over %d folds × %d run(s) (protocol %s), expected %s ± %s "
                                + "(%s); run record %s", table, cell.row(), dataset.displayName(), measured,
                        report.measurement().foldsTrained(), report.measurement().runs(), report.protocol(),
                        format(cell.value()), format(cell.tolerance()), cell.provenance(), record)
                .isEqualTo(Verdict.PASS);
    }

    /**
     * Checks one claim of {@code expected} (Tables 5 and 6) on every dataset where both of its rows are cells and
     * the data is configured, with paired comparisons over the same folds and seeds; skipped when none is.
     */
    void checkClaim(ExpectedResults expected, Claim claim) {
        Allure.epic(expected.table());
        Allure.feature("claims");
        Allure.story(claim.id());
        Allure.parameter("claim", claim.statement());
        Allure.parameter("provenance", claim.provenance());
        Map<String, PairedComparison> byDataset = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        for (String key : expected.cells().stream().map(ExpectedCell::dataset).distinct().toList()) {
            DatasetId dataset = DatasetId.fromKey(key).orElseThrow();
            Optional<String> missing = unavailable(dataset);
            if (missing.isPresent()) {
                skipped.add(dataset.displayName());
                continue;
            }
            CellReport better = complete(measured(expected.table(), dataset, claim.better().variant().paperName(),
                    claim.better().variant(), claim.better().loss()), dataset);
            CellReport worse = complete(measured(expected.table(), dataset, claim.worse().variant().paperName(),
                    claim.worse().variant(), claim.worse().loss()), dataset);
            byDataset.put(dataset.displayName(), PairedComparison.of(better.measurement().pairedFolds(),
                    worse.measurement().pairedFolds()));
        }
        if (byDataset.isEmpty()) {
            Assumptions.abort("claim '" + claim.statement() + "' needs at least one of " + skipped
                    + " configured (fer.data.<dataset>)");
        }
        Claim.Verdict verdict = claim.judge(byDataset);
        Allure.parameter("measured", verdict.explanation());
        assertThat(verdict.supported()).as("CLAIM_FAILED: %s — %s (not measured: %s)", claim.statement(),
                verdict.explanation(), skipped).isTrue();
    }

    /**
     * Table 4: the measured JAFFE confusion matrix of MBA-SE-ResNet (the Table 2 training, shared through the cache),
     * row-normalised, against the paper's matrix cell by cell.
     */
    void checkConfusion(ExpectedResults expected) {
        Allure.epic(expected.table());
        Allure.feature(DatasetId.JAFFE.displayName());
        Allure.story("confusion matrix");
        Optional<String> missing = unavailable(DatasetId.JAFFE);
        if (missing.isPresent()) {
            Assumptions.abort(missing.get());
        }
        CellReport report = complete(measured(expected.table(), DatasetId.JAFFE, Variant.MBA_SE_RESNET.paperName(),
                Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN), DatasetId.JAFFE);
        var cm = report.measurement().confusion();
        List<String> off = ConfusionCheck.offCells(expected, cm);
        Allure.addAttachment("measured confusion matrix", "text/plain", cm.toText(), ".txt");
        Allure.addAttachment("confusion matrix (figure)", "image/png", new java.io.ByteArrayInputStream(
                Figures.confusionMatrix(cm, "JAFFE · MBA-SE-ResNet (% of each true class)")), ".png");
        assertThat(off).as("OUT_OF_TOLERANCE: Table 4 cells off the paper's (rows true, columns predicted)")
                .isEmpty();
    }

    /** The reason a dataset cannot be measured in this run, if it cannot. */
    private Optional<String> unavailable(DatasetId dataset) {
        if (dataset != DatasetId.SYNTHETIC && settings.datasetRoot(dataset).isEmpty()) {
            return Optional.of(DatasetSource.missingMessage(dataset));
        }
        return Optional.empty();
    }

    /**
     * The measurement of (dataset, variant, loss) in this run, trained on first use: this shard's units of it (all
     * when unsharded), or empty when this shard trains none of them.
     */
    private Optional<CellReport> measured(String table, DatasetId dataset, String row, Variant variant,
            LossKind loss) {
        String key = new ExperimentGrid.Configuration(dataset, variant, loss).key();
        var onEpoch = measurements.epochListener();
        return measurements.get(key, () -> new Reproduction(settings, System.out::println, p -> {
            System.out.println(p.describe());
            onEpoch.accept(p.metrics());
        }).measure(table, row, variant, loss, loaded(dataset),
                measurements.share(key)));
    }

    private DatasetSource.LoadedDataset loaded(DatasetId dataset) {
        return measurements.dataset(dataset, () -> new DatasetSource(settings).load(dataset).orElseThrow());
    }

    /**
     * The dataset's contact sheet (a few aligned faces per class, landmarks on a few originals), written once per run
     * to {@code <results>/figures/<dataset>-contact-sheet.png} next to the other figures.
     */
    private byte[] contactSheet(DatasetId dataset) {
        return measurements.contactSheet(dataset, () -> {
            byte[] png = new Reproduction(settings, System.out::println).contactSheet(loaded(dataset), 6, 6);
            AtomicFiles.write(ContactSheet.file(settings.resultsDir(), dataset.key()), png);
            return png;
        });
    }

    /** A measurement that holds every unit, or the test stops as partial (a claim or Table 4 in a shard). */
    private CellReport complete(Optional<CellReport> measurement, DatasetId dataset) {
        if (measurement.isEmpty() || measurement.get().verdict() == Verdict.PARTIAL) {
            abortAsPartial(measurement.map(CellReport::configuration).orElse(dataset.key()));
        }
        return measurement.get();
    }

    private void abortAsPartial(String configuration) {
        Allure.parameter("shard", settings.shard().toString());
        Assumptions.abort("partial (shard " + settings.shard() + "): other shards train folds of " + configuration
                + "; the cell is judged by `fer merge` once every shard's folds are in");
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
        Allure.addAttachment("model summary", "text/plain", ModelSummary.of(report.network()).toText(), ".txt");
    }

    static String format(Double value) {
        return ReproductionReport.format(value);
    }
}
