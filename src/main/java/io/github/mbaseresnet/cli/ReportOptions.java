package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.experiment.HarnessSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** What {@code fer report} and {@code fer merge} render from: the expected results and the ledger. */
final class ReportOptions {
    @Option(names = "--expected", defaultValue = "expected-results", description = "expected-results folder "
            + "(default ${DEFAULT-VALUE})")
    Path expected;

    @Option(names = "--ledger", description = "the ledger (default: fer.ledger, else ledger.jsonl in the results "
            + "folder)")
    Path ledger;

    /** {@code --ledger}, else {@code fer.ledger}, else {@code <folder>/ledger.jsonl}. */
    Path ledgerFile(HarnessSettings settings, Path folder) {
        return ledger != null ? ledger : settings.raw("fer.ledger").map(Path::of)
                .orElse(folder.resolve("ledger.jsonl"));
    }
}
