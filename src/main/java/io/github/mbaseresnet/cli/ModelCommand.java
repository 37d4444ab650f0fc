package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.ModelSummary;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code fer model}: the layer table, parameters and multiply-adds of a variant, and the variants side by side. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Print a network's layers, parameters and multiply-adds per image under the configured "
                + "protocol's widths, and every variant's cost relative to SE-ResNet.")
final class ModelCommand implements Callable<Integer>, CommonOptions.Holder {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--variant", defaultValue = "MBA_SE_RESNET", description = "${COMPLETION-CANDIDATES}")
    Variant variant;

    @Option(names = "--loss", defaultValue = "EXP_COSINE_MARGIN", description = "${COMPLETION-CANDIDATES}")
    LossKind loss;

    @Option(names = "--protocol", description = "smoke | reduced | paper: whose widths and blocks to use")
    String protocol;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        if (protocol != null) {
            common.settings.put("fer.protocol", protocol);
        }
        NetworkConfig cfg = common.harnessSettings().network(variant, loss, ClassSet.SIX_BASIC.size(), 0);
        var out = spec.commandLine().getOut();
        out.print(ModelSummary.of(cfg).toText());
        out.println();
        out.print(ModelSummary.variantComparison(cfg));
        return 0;
    }
}
