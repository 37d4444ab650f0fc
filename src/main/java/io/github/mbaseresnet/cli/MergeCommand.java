package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.report.Ledger;
import io.github.mbaseresnet.report.ShardMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fer merge SHARD_DIR... --out DIR}: one reproduction from its shards' folders (issue 8). */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the results folders of the shards of one run (-Dfer.shard=i/n) into one set of run "
                + "records, one ledger update, one Allure result set and the re-rendered report. Refuses shards of "
                + "different commits, protocols, settings or dataset hashes. Exit code 1, naming the missing units, "
                + "when a shard or fold is missing (the complete cells are still merged); 4 when a merged cell is out "
                + "of tolerance or a claim failed.")
final class MergeCommand implements Callable<Integer>, CommonOptions.Holder {
    /** Exit code when every unit is in but a merged cell is out of tolerance or a claim failed. */
    static final int FAILED = 4;

    @Mixin
    CommonOptions common;

    @Mixin
    ReportOptions report;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "a shard's results folder (with shard.json "
            + "and allure-results/)")
    List<Path> shards;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder of the merged results")
    Path out;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        HarnessSettings settings = common.harnessSettings();
        Path ledgerFile = report.ledgerFile(settings, out);
        ShardMerge.Result result = new ShardMerge(report.expected).merge(shards, out, new Ledger(ledgerFile),
                Instant.now());
        spec.commandLine().getOut().print(result.summary());
        if (!common.quiet) {
            spec.commandLine().getErr().println("merged " + shards.size() + " shard(s) into " + out + ": "
                    + result.merged().size() + " complete run record(s), ledger " + ledgerFile);
        }
        if (!result.missing().isEmpty()) {
            spec.commandLine().getErr().println("fer merge: missing, so their cells are not merged: "
                    + String.join("; ", result.missing()));
            return 1;
        }
        if (!result.failed().isEmpty()) {
            spec.commandLine().getErr().println("fer merge: " + String.join("; ", result.failed()));
            return FAILED;
        }
        return 0;
    }
}
