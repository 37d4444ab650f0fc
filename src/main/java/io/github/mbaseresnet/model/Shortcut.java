package io.github.mbaseresnet.model;

/** What a residual block adds to its convolutional path (PAPER.md §1 step 6 and the Table 5 ablation). */
public enum Shortcut {
    /** The paper's adaptive shortcut: {@code x' = sigmoid(g2(relu(g1(GAP(x))))) ⊙ x}. */
    ADAPTIVE,
    /** SENet's SE-ResNet block: {@code y = u' + x}. */
    IDENTITY,
    /** No residual connection at all (plain CNN). */
    NONE
}
