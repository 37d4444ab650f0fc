package io.github.mbaseresnet.train;

import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.model.NetworkArchive;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.support.Dl4jTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 7: a fold killed after some epochs and resumed from its checkpoint ends exactly where a straight run does. */
class CheckpointResumeTest extends Dl4jTestBase {
    private static final int EPOCHS = 4;
    private static final NetworkConfig NET = new NetworkConfig(Variant.MBA_SE_RESNET, LossConfig.proposed(), 8, 1,
            List.of(4, 8), 1, 4, 2, 2, 3);
    /** Every augmentation on (it draws Gaussians, whose cached second value is RNG state too); halving every 3 of the
     * 5 updates per epoch, so a lost iteration count would change the learning rate after resuming. */
    private static final TrainingConfig CONFIG = new TrainingConfig(EPOCHS, 8, 3e-3, 0.9, 0.999, 3,
            new Augmentation(8, true, 5, 1, 0.1, 0.1, 0.02));
    private static final Map<String, String> CONTEXT = Map.of("dataset", "test faces", "commit", "abc");

    private static Trainer.TrainedFold train(CheckpointPlan plan, long dataSeed, Consumer<EpochMetrics> progress) {
        return train(plan, dataSeed, progress, 0);
    }

    /**
     * A fresh trainer each time: nothing survives between "processes" but the checkpoint file. With
     * {@code prefetchDepth > 0} the batches are made ahead on another thread, so the RNG has moved on when a
     * checkpoint is written: the checkpoint must hold its state as of the epoch's last batch.
     */
    private static Trainer.TrainedFold train(CheckpointPlan plan, long dataSeed, Consumer<EpochMetrics> progress,
            int prefetchDepth) {
        return new Trainer(CONFIG, TrainerTest.TWO, prefetchDepth).train(NET, TrainerTest.faces(40, 1), TrainerTest.faces(12, 2),
                dataSeed, plan, progress);
    }

    /** Trains until epoch {@code killAfter} has been checkpointed, then "kills" the run. */
    private static void trainAndKill(CheckpointPlan plan, int killAfter) {
        trainAndKill(plan, killAfter, 0);
    }

    private static void trainAndKill(CheckpointPlan plan, int killAfter, int prefetchDepth) {
        assertThatThrownBy(() -> train(plan, 5, m -> {
            if (m.epoch() == killAfter) {
                throw new IllegalStateException("killed");
            }
        }, prefetchDepth)).hasMessage("killed");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "prefetch depth {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 3})
    void aResumedFoldIsBitIdenticalToAStraightOne(int prefetchDepth, @TempDir Path dir) {
        Trainer.TrainedFold straight = train(CheckpointPlan.NONE, 5, m -> { });

        CheckpointPlan plan = new CheckpointPlan(dir.resolve("fold.zip"), 1, true, CONTEXT);
        trainAndKill(plan, 2, prefetchDepth);
        assertThat(Checkpoint.load(plan.file()).epoch()).isEqualTo(2);
        List<Integer> reported = new ArrayList<>();
        Trainer.TrainedFold resumed = train(plan, 5, m -> reported.add(m.epoch()), prefetchDepth);

        assertThat(resumed.resumedAfterEpoch()).isEqualTo(2);
        assertThat(reported).containsExactly(3, 4);
        float[] a = straight.network().params().toFloatVector();
        float[] b = resumed.network().params().toFloatVector();
        assertThat(Arrays.equals(a, b)).as("final parameters bit-identical").isTrue();
        assertThat(resumed.network().getUpdater().getStateViewArray())
                .isEqualTo(straight.network().getUpdater().getStateViewArray());
        assertThat(metrics(resumed)).isEqualTo(metrics(straight));
        assertThat(resumed.outcome().confusion()).isEqualTo(straight.outcome().confusion());

        // a finished fold resumes without training: same outcome, nothing reported
        reported.clear();
        Trainer.TrainedFold again = train(plan, 5, m -> reported.add(m.epoch()));
        assertThat(reported).isEmpty();
        assertThat(again.resumedAfterEpoch()).isEqualTo(EPOCHS);
        assertThat(metrics(again)).isEqualTo(metrics(straight));
        assertThat(again.outcome().confusion()).isEqualTo(straight.outcome().confusion());
    }

    /** Loss and test accuracy of every epoch (images/s is wall time, restored as measured). */
    private static List<List<Double>> metrics(Trainer.TrainedFold fold) {
        return fold.outcome().epochs().stream().map(m -> List.of((double) m.epoch(), m.trainLoss(),
                m.testAccuracy())).toList();
    }

    @Test
    void aCheckpointOfOtherSettingsIsRefusedNamingTheDifference(@TempDir Path dir) {
        CheckpointPlan plan = new CheckpointPlan(dir.resolve("fold.zip"), 2, true, CONTEXT);
        trainAndKill(plan, 2);
        assertThatThrownBy(() -> train(plan, 6, m -> { })).isInstanceOf(NetworkArchive.Invalid.class)
                .hasMessageContaining(plan.file().toString())
                .hasMessageContaining("data seed: checkpoint 5, now 6").hasMessageContaining("Delete it");
        CheckpointPlan otherCommit = new CheckpointPlan(plan.file(), 2, true, Map.of("dataset", "test faces",
                "commit", "def"));
        assertThatThrownBy(() -> train(otherCommit, 5, m -> { })).hasMessageContaining("commit: checkpoint abc, now def");
    }

    @Test
    void withoutResumeAnExistingCheckpointIsIgnoredAndOverwritten(@TempDir Path dir) {
        CheckpointPlan plan = new CheckpointPlan(dir.resolve("fold.zip"), 1, false, CONTEXT);
        trainAndKill(plan, 2);
        assertThat(train(plan, 6, m -> { }).resumedAfterEpoch()).isZero();
        assertThat(Checkpoint.load(plan.file()).epoch()).isEqualTo(EPOCHS);
    }

    /** Decision (README): a damaged checkpoint stops the resume with an error; restarting is the user's call. */
    @Test
    void aTruncatedOrForeignCheckpointIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        CheckpointPlan plan = new CheckpointPlan(dir.resolve("fold.zip"), 1, true, CONTEXT);
        trainAndKill(plan, 1);
        byte[] bytes = Files.readAllBytes(plan.file());
        Files.write(plan.file(), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> train(plan, 5, m -> { })).isInstanceOf(NetworkArchive.Invalid.class)
                .hasMessage(plan.file() + ": is truncated or corrupted (zip END header not found): write it again");
        Files.writeString(plan.file(), "not a zip");
        assertThatThrownBy(() -> train(plan, 5, m -> { }))
                .hasMessage(plan.file() + ": is not a zip archive, so not a saved network");
    }

    /** An edited checkpoint that claims more epochs than its network trained is refused, never counted as finished. */
    @Test
    void aCheckpointClaimingEpochsItsNetworkNeverTrainedIsRefused(@TempDir Path dir) throws Exception {
        CheckpointPlan plan = new CheckpointPlan(dir.resolve("fold.zip"), 1, true, CONTEXT);
        trainAndKill(plan, 1);
        try (var zip = java.nio.file.FileSystems.newFileSystem(plan.file())) {
            Path state = zip.getPath(Checkpoint.STATE);
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(java.nio.file.Files.readAllBytes(
                    state));
            var epochs = (com.fasterxml.jackson.databind.node.ArrayNode) tree.get("epochs");
            for (int e = 2; e <= EPOCHS; e++) { // "finished": every epoch listed, one trained
                epochs.add(((com.fasterxml.jackson.databind.node.ObjectNode) epochs.get(0).deepCopy()).put("epoch", e));
            }
            java.nio.file.Files.write(state, json.writeValueAsBytes(tree));
        }
        assertThatThrownBy(() -> train(plan, 5, m -> { }))
                .hasMessageContaining(plan.file().toString())
                .hasMessageContaining("claims 4 of 4 epochs (20 updates of 5 batches), but its network made 5 updates");
    }
}
