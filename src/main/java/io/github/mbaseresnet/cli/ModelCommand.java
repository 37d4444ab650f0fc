package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.model.ModelSummary;
import io.github.mbaseresnet.model.NetworkConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    MethodOptions method;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        var settings = common.harnessSettings();
        NetworkConfig cfg = settings.network(method.variant, method.loss, settings.classes().size(), 0);
        var out = spec.commandLine().getOut();
        out.print(ModelSummary.of(cfg).toText());
        out.println();
        out.print(ModelSummary.variantComparison(cfg));
        return 0;
    }
}
