package io.github.mbaseresnet.train;

import io.github.mbaseresnet.align.Face;
import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.GrayImage;
import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.model.MbaSeResNet;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.support.Dl4jTestBase;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TrainerTest extends Dl4jTestBase {
    static final ClassSet TWO = new ClassSet(List.of(Expression.HAPPINESS, Expression.SADNESS));

    /** 10×10 faces: class 0 bright on top, class 1 bright at the bottom, plus noise. */
    static List<Face> faces(int n, long seed) {
        Random rng = new Random(seed);
        List<Face> faces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            float[] px = new float[100];
            for (int p = 0; p < 100; p++) {
                boolean top = p < 50;
                px[p] = (top == (label == 0) ? 0.8f : 0.2f) + 0.1f * (float) rng.nextGaussian();
            }
            faces.add(new Face("f" + i, "S" + (i % 4), label, new GrayImage(10, 10, px)));
        }
        return faces;
    }

    private static FoldOutcome train(long dataSeed) {
        NetworkConfig net = new NetworkConfig(Variant.MBA_SE_RESNET, LossConfig.proposed(), 8, 1, List.of(4, 8), 1,
                4, 2, 2, 3);
        TrainingConfig cfg = new TrainingConfig(3, 8, 3e-3, 0.9, 0.999, 200_000, new Augmentation(8, true));
        return new Trainer(cfg, TWO).trainAndTest(net, faces(40, 1), faces(12, 2), dataSeed, m -> { });
    }

    @Test
    void theSameSeedsGiveTheSameTrainingOnCpu() {
        FoldOutcome a = train(5);
        FoldOutcome b = train(5);
        assertThat(a.epochs()).extracting(EpochMetrics::trainLoss)
                .isEqualTo(b.epochs().stream().map(EpochMetrics::trainLoss).toList());
        assertThat(a.confusion()).isEqualTo(b.confusion());
        assertThat(a.epochs()).hasSize(3);
        assertThat(a.confusion().total()).isEqualTo(12);
    }

    @Test
    void prefetchingOnABackgroundThreadTrainsExactlyTheSameParameters() {
        NetworkConfig net = new NetworkConfig(Variant.MBA_SE_RESNET, LossConfig.proposed(), 8, 1, List.of(4, 8), 1,
                4, 2, 2, 3);
        // every §4 augmentation on, so that any change in the order of random draws would show
        TrainingConfig cfg = new TrainingConfig(2, 8, 3e-3, 0.9, 0.999, 200_000,
                new Augmentation(8, true, 10, 1, 0.1, 0.1, 0.02));
        List<ComputationGraph> nets = new ArrayList<>();
        List<FoldOutcome> outcomes = new ArrayList<>();
        for (int depth : new int[] {0, 3}) {
            Trainer trainer = new Trainer(cfg, TWO, depth);
            Trainer.TrainedFold trained = trainer.train(net, faces(40, 1), faces(12, 2), 5, CheckpointPlan.NONE,
                    m -> { });
            outcomes.add(trained.outcome());
            nets.add(trained.network());
        }
        assertThat(nets.get(1).params()).isEqualTo(nets.get(0).params());
        assertThat(outcomes.get(1).epochs()).extracting(EpochMetrics::trainLoss)
                .isEqualTo(outcomes.get(0).epochs().stream().map(EpochMetrics::trainLoss).toList());
        assertThat(outcomes.get(1).confusion()).isEqualTo(outcomes.get(0).confusion());
    }

    @Test
    void anotherDataSeedChangesTheTrajectory() {
        assertThat(train(6).epochs().get(0).trainLoss()).isNotEqualTo(train(5).epochs().get(0).trainLoss());
    }
}
