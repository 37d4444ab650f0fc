package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.model.NetworkConfig;

import java.util.List;
import java.util.Locale;

/**
 * How much training a reproduction does. {@code paper} is the paper's protocol (PAPER.md §4: 10 runs, every fold,
 * about 20 epochs, the full-width network, learning rate 1e-4); the others trade fidelity for CPU time and say so in
 * every report. Each field can be overridden by its own property (see {@link HarnessSettings}).
 *
 * @param name          smoke | reduced | paper
 * @param epochs        epochs per fold
 * @param runs          repetitions with different seeds (the paper averages 10)
 * @param foldLimit     how many of the dataset's folds are trained (0 = all); the others are reported as not run
 * @param branchWidths  network widths (PAPER.md §2 assumption: 64/128/256)
 * @param blocks        Adap-SE blocks per branch
 * @param learningRate  Adam's initial learning rate (paper: 1e-4)
 * @param augment       whether §4's colour jitter, noise, rotation and translation are on by default (crop and
 *                      mirror always are): on in {@code paper}; off in the CPU protocols, whose few hundred updates
 *                      converge slower with them and whose calibrations were recorded without them
 */
public record Protocol(String name, int epochs, int runs, int foldLimit, List<Integer> branchWidths, int blocks,
        double learningRate, boolean augment) {

    /** Seconds on 2 CPU cores: a check that the whole pipeline learns, not a reproduction. */
    public static final Protocol SMOKE = new Protocol("smoke", 8, 1, 2, List.of(16, 32, 64), 1, 1e-3, false);
    /**
     * Minutes on 2 CPU cores: every fold once, a narrow network, a larger step to converge in few epochs. 15 epochs
     * keep {@code mvn verify} on the embedded dataset under 15 minutes on 2 cores (20 took 16 min 15 s).
     */
    public static final Protocol REDUCED = new Protocol("reduced", 15, 1, 0, List.of(16, 32, 64), 2, 1e-3, false);
    /** The paper's protocol; a GPU job. */
    public static final Protocol PAPER = new Protocol("paper", 20, 10, 0, NetworkConfig.PAPER_WIDTHS, 2, 1e-4, true);

    public static final List<Protocol> PRESETS = List.of(SMOKE, REDUCED, PAPER);

    public Protocol {
        branchWidths = List.copyOf(branchWidths);
        if (epochs < 1 || runs < 1 || foldLimit < 0 || blocks < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("invalid protocol " + name + ": epochs (fer.epochs) " + epochs
                    + ", runs (fer.runs) " + runs + ", blocks (fer.model.blocks) " + blocks + " must be >= 1, fold "
                    + "limit (fer.folds.limit) " + foldLimit + " >= 0 and learning rate (fer.lr) " + learningRate
                    + " > 0");
        }
    }

    public static Protocol named(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        return PRESETS.stream().filter(p -> p.name.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown protocol '" + name
                        + "' (fer.protocol): use one of " + PRESETS.stream().map(Protocol::name).toList()));
    }

    public Protocol renamed(String newName) {
        return new Protocol(newName, epochs, runs, foldLimit, branchWidths, blocks, learningRate, augment);
    }

    /** Number of folds actually trained out of {@code folds}. */
    public int foldsRun(int folds) {
        return foldLimit == 0 ? folds : Math.min(foldLimit, folds);
    }
}
