package io.github.mbaseresnet.loss;

/** The classification heads the paper compares (Table 6). */
public enum LossKind {
    /** Exponential cosine margin softmax, PAPER.md §3 / eq. 12. */
    EXP_COSINE_MARGIN("proposed loss"),
    /** Ordinary fully connected layer with bias and softmax cross-entropy. */
    SOFTMAX("softmax");

    private final String paperName;

    LossKind(String paperName) {
        this.paperName = paperName;
    }

    public String paperName() {
        return paperName;
    }
}
