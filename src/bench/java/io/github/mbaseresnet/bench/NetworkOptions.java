package io.github.mbaseresnet.bench;

import io.github.mbaseresnet.model.Variant;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import picocli.CommandLine.Option;

/** The network a benchmark main measures (a picocli mixin, as in the {@code fer} command line). */
final class NetworkOptions {
    @Option(names = "--widths", description = "branch widths: 16/32/64 (the CPU protocols, default) or 64/128/256 "
            + "(the paper)")
    String widths = BenchSettings.REDUCED_WIDTHS;

    @Option(names = "--batch", description = "images per step (default: ${DEFAULT-VALUE})")
    int batch = 16;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    /** MBA-SE-ResNet at these widths and its fixed batch, built as the harness builds them, in a prepared JVM. */
    Measured prepare() {
        Bench.prepareFork();
        var cfg = BenchSettings.network(Variant.MBA_SE_RESNET, widths);
        return new Measured(Bench.build(cfg, widths), Bench.fixedBatch(cfg, batch));
    }

    record Measured(ComputationGraph net, DataSet data) {
    }
}
