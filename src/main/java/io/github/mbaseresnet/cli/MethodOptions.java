package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;
import picocli.CommandLine.Option;

/** Which of the paper's methods a command works on: a network variant and a loss (Tables 5 and 6 ablations). */
final class MethodOptions {
    @Option(names = "--variant", defaultValue = "MBA_SE_RESNET", description = "${COMPLETION-CANDIDATES} "
            + "(default ${DEFAULT-VALUE})")
    Variant variant;

    @Option(names = "--loss", defaultValue = "EXP_COSINE_MARGIN", description = "${COMPLETION-CANDIDATES} "
            + "(default ${DEFAULT-VALUE})")
    LossKind loss;
}
