package io.github.mbaseresnet.model;

import io.github.mbaseresnet.loss.LossConfig;

import java.util.List;

/**
 * Everything that fixes the network's shape. The paper states only the block, the branch/fusion idea and 3×3 kernels
 * (PAPER.md §1–§2); every number here is an assumption with a documented default.
 *
 * @param variant            proposed network or an ablation
 * @param loss               classification head
 * @param inputSize          side of the square input (the training crop: 64 from a 70×70 face, §4.2 assumption)
 * @param inputChannels      1: gray faces (assumption)
 * @param branchWidths       output channels of each branch; its length is the number of branches
 * @param blocksPerBranch    Adap-SE blocks stacked in each branch
 * @param reduction          r of the excitation FC pair (C → C/r → C), 16 as in SENet
 * @param minReducedChannels floor on C/r so narrow layers keep a usable bottleneck
 * @param classes            number of expressions
 * @param seed               weight initialisation seed
 */
public record NetworkConfig(Variant variant, LossConfig loss, int inputSize, int inputChannels,
        List<Integer> branchWidths, int blocksPerBranch, int reduction, int minReducedChannels, int classes,
        long seed) {

    /** PAPER.md §2's example: 3 branches × 2 blocks, widths 64/128/256. */
    public static final List<Integer> PAPER_WIDTHS = List.of(64, 128, 256);

    public NetworkConfig {
        if (variant == null || loss == null) {
            throw new IllegalArgumentException("variant (fer.variant) and loss (fer.loss) must be set");
        }
        branchWidths = List.copyOf(branchWidths);
        if (branchWidths.isEmpty()) {
            throw new IllegalArgumentException("branch widths (fer.model.widths) must name at least one branch");
        }
        if (blocksPerBranch < 1) {
            throw new IllegalArgumentException("blocks per branch (fer.model.blocks) must be >= 1, got "
                    + blocksPerBranch);
        }
        if (reduction < 1 || minReducedChannels < 1) {
            throw new IllegalArgumentException("reduction r (fer.model.reduction) and its floor must be >= 1, got r="
                    + reduction + ", floor=" + minReducedChannels);
        }
        for (int w : branchWidths) {
            if (w < 1 || w % reduction != 0) {
                throw new IllegalArgumentException("branch width " + w + " (fer.model.widths) must be a positive "
                        + "multiple of the reduction r=" + reduction);
            }
        }
        int downsampling = 1 << branchWidths.size();
        if (inputSize < downsampling || inputSize % downsampling != 0) {
            throw new IllegalArgumentException("input size " + inputSize + " (fer.crop) must be a multiple of "
                    + downsampling + ": each of the " + branchWidths.size() + " branches halves the resolution");
        }
        if (inputChannels < 1) {
            throw new IllegalArgumentException("input channels must be >= 1, got " + inputChannels);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        }
    }

    public int branches() {
        return branchWidths.size();
    }

    /** Width of the excitation bottleneck for a layer of {@code channels}: max(C / r, floor). */
    public int reducedChannels(int channels) {
        return Math.max(channels / reduction, minReducedChannels);
    }

    /** Width of the stem convolution: that of the first branch. */
    public int stemWidth() {
        return branchWidths.get(0);
    }

    /** Width of the convolution after the fusion concat: that of the last branch. */
    public int fusionWidth() {
        return branchWidths.get(branchWidths.size() - 1);
    }

    public NetworkConfig withVariant(Variant v) {
        return new NetworkConfig(v, loss, inputSize, inputChannels, branchWidths, blocksPerBranch, reduction,
                minReducedChannels, classes, seed);
    }

    public NetworkConfig withLoss(LossConfig l) {
        return new NetworkConfig(variant, l, inputSize, inputChannels, branchWidths, blocksPerBranch, reduction,
                minReducedChannels, classes, seed);
    }

    public NetworkConfig withSeed(long s) {
        return new NetworkConfig(variant, loss, inputSize, inputChannels, branchWidths, blocksPerBranch, reduction,
                minReducedChannels, classes, s);
    }
}
