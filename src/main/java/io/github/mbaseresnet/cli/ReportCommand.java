package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.ExperimentGrid;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.experiment.Shard;
import io.github.mbaseresnet.report.Ledger;
import io.github.mbaseresnet.report.ReproductionReport;
import io.github.mbaseresnet.report.RunComparison;
import io.github.mbaseresnet.report.RunRecords;
import io.github.mbaseresnet.report.ShardManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code fer report [DIR]}: re-renders summary.md, reproducibility-report.md and the figures of a results folder from
 * its run records, the expected results and the ledger, without retraining (issue 7); {@code fer report compare}
 * compares two runs cell by cell.
 */
@Command(name = "report", mixinStandardHelpOptions = true, subcommands = ReportCommand.Compare.class,
        description = "Re-render the summary, the reproducibility report and the figures of a results folder from "
                + "its run records (no training).")
final class ReportCommand implements Callable<Integer>, CommonOptions.Holder {
    /** Exit code of {@code compare} when a cell dropped beyond noise. */
    static final int REGRESSION = 3;

    @Mixin
    CommonOptions common;

    @Mixin
    ReportOptions report;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "results folder (default: fer.results, else "
            + "target/fer-results)")
    Path dir;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        HarnessSettings settings = common.harnessSettings();
        Path folder = dir != null ? dir : settings.resultsDir();
        List<CellReport> records = readOneProtocol(folder);
        Shard shard = Shard.WHOLE;
        Set<String> planned = Set.of();
        if (Files.exists(folder.resolve(ShardManifest.FILE))) {
            ShardManifest manifest = ShardManifest.read(folder);
            shard = manifest.parsedShard();
            planned = manifest.units().stream().map(ExperimentGrid.Unit::configuration).collect(Collectors.toSet());
        }
        Path ledgerFile = report.ledgerFile(settings, folder);
        String table = new ReproductionReport(report.expected).write(folder, new ReproductionReport.Inputs(records,
                records.get(0).protocol(), shard, new Ledger(ledgerFile), planned), Instant.now());
        spec.commandLine().getOut().print(table);
        if (!common.quiet) {
            spec.commandLine().getErr().println("re-rendered " + folder.resolve("summary.md") + ", "
                    + folder.resolve("reproducibility-report.md") + " and the figures from " + records.size()
                    + " run record(s)");
        }
        return 0;
    }

    /** The folder's run records, all of one protocol (a folder mixing two runs' protocols is refused). */
    static List<CellReport> readOneProtocol(Path folder) {
        List<CellReport> records = new RunRecords(folder).readAll().stream()
                .filter(r -> !r.table().equals("train")).toList();
        if (records.isEmpty()) {
            throw new IllegalArgumentException(folder + " holds no run record (<table>/<dataset>-<row>.json)");
        }
        Set<String> protocols = records.stream().map(CellReport::protocol).collect(Collectors.toSet());
        if (protocols.size() > 1) {
            throw new IllegalArgumentException(folder + " mixes run records of the protocols " + protocols
                    + ": keep one run's records per folder");
        }
        return records;
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compare two runs' results folders cell by cell: both means, B − A and whether it is "
                    + "beyond noise (paired over the folds when both runs tested the same folds with the same seed, "
                    + "else twice the combined standard error). Exit code 3 when a cell dropped beyond noise.")
    static final class Compare implements Callable<Integer>, CommonOptions.Holder {
        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RUN_A", description = "results folder of the reference run")
        Path runA;

        @Parameters(index = "1", paramLabel = "RUN_B", description = "results folder of the run compared with it")
        Path runB;

        @Override
        public CommonOptions common() {
            return common;
        }

        @Override
        public Integer call() {
            List<CellReport> a = readOneProtocol(runA);
            List<CellReport> b = readOneProtocol(runB);
            // cells of two protocols differ by design (epochs, widths), not by a regression: no verdict to give
            if (!a.get(0).protocol().equals(b.get(0).protocol())) {
                throw new IllegalArgumentException("cannot compare " + runA + " (protocol " + a.get(0).protocol()
                        + ") with " + runB + " (protocol " + b.get(0).protocol() + "): compare runs of one protocol");
            }
            RunComparison comparison = RunComparison.of(a, b);
            spec.commandLine().getOut().print(comparison.render());
            return comparison.regression() ? REGRESSION : 0;
        }
    }
}
