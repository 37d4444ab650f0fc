package io.github.mbaseresnet.train;

/**
 * Optimisation settings; defaults are the paper's (PAPER.md §4): Adam with β1 = 0.9, mini-batch 16, learning rate
 * 1e-4 halved every 2×10^5 mini-batch updates.
 *
 * @param epochs         passes over the training folds (the paper converges after about 20, Figure 9)
 * @param batchSize      mini-batch size
 * @param learningRate   Adam's initial step size
 * @param beta1          Adam β1
 * @param beta2          Adam β2 (not stated: Adam's default 0.999)
 * @param halvingPeriod  mini-batch updates between halvings of the learning rate
 * @param augmentation   training-time augmentation
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, double beta1, double beta2,
        int halvingPeriod, Augmentation augmentation) {

    public static final double PAPER_LEARNING_RATE = 1e-4;
    public static final int PAPER_BATCH_SIZE = 16;
    public static final int PAPER_HALVING_PERIOD = 200_000;

    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs (fer.epochs) must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size (fer.batch) must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate (fer.lr) must be > 0, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (halvingPeriod < 1) {
            throw new IllegalArgumentException("learning-rate halving period must be >= 1, got " + halvingPeriod);
        }
    }
}
