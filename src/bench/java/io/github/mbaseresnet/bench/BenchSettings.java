package io.github.mbaseresnet.bench;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;

import java.util.Map;

/**
 * The networks and settings every benchmark times, taken from the harness's own {@link HarnessSettings}. No ND4J or
 * DL4J type appears here, so the libtorch fork ({@link LibtorchTrainingBenchmark}), whose class path has neither, can
 * use it too.
 */
final class BenchSettings {
    /** The CPU protocols' widths (smoke, reduced) and the paper's (PAPER.md §2), as @Param values. */
    static final String REDUCED_WIDTHS = "16/32/64";
    static final String PAPER_WIDTHS = "64/128/256";

    static final ClassSet CLASSES = ClassSet.SIX_BASIC;
    static final long SEED = 42;

    private BenchSettings() {
    }

    /** The harness's settings of the reduced protocol with {@code widths} ("16/32/64") as the branch widths. */
    static HarnessSettings settings(String widths) {
        return HarnessSettings.of(Map.of("fer.protocol", "reduced", "fer.model.widths", widths.replace('/', ',')));
    }

    /** The network a reproduction would train for {@code variant} (eq. 12 head, seed 42) at {@code widths}. */
    static NetworkConfig network(Variant variant, String widths) {
        return settings(widths).network(variant, LossKind.EXP_COSINE_MARGIN, CLASSES.size(), SEED);
    }
}
