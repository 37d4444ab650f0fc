package io.github.mbaseresnet.model;

/**
 * The network variants the paper's tables compare. Each is the same stem/branch/fusion skeleton with parts switched
 * off, so ablations differ in exactly one concept.
 */
public enum Variant {
    /** The proposed network: Adap-SE blocks and multi-branch fusion (PAPER.md §1–§2). */
    MBA_SE_RESNET("MBA-SE-ResNet", Shortcut.ADAPTIVE, true, true),
    /** Table 5's ablation: the same network with SENet's identity shortcut. */
    SE_RESNET("SE-ResNet", Shortcut.IDENTITY, true, true),
    /**
     * "CNN (baseline)" of Tables 1 and 3: the same depth and widths as a plain chain, no SE, no residuals, no fusion.
     * The paper does not describe it further (assumption).
     */
    CNN_BASELINE("CNN (baseline)", Shortcut.NONE, false, false);

    private final String paperName;
    private final Shortcut shortcut;
    private final boolean squeezeExcitation;
    private final boolean multiBranchFusion;

    Variant(String paperName, Shortcut shortcut, boolean squeezeExcitation, boolean multiBranchFusion) {
        this.paperName = paperName;
        this.shortcut = shortcut;
        this.squeezeExcitation = squeezeExcitation;
        this.multiBranchFusion = multiBranchFusion;
    }

    /** The row name the paper's tables use. */
    public String paperName() {
        return paperName;
    }

    public Shortcut shortcut() {
        return shortcut;
    }

    public boolean squeezeExcitation() {
        return squeezeExcitation;
    }

    public boolean multiBranchFusion() {
        return multiBranchFusion;
    }
}
