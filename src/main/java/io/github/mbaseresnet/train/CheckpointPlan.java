package io.github.mbaseresnet.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * How one fold's training is checkpointed (issue 7). A checkpoint is written after every {@code every}-th epoch and
 * after the last one (so a finished fold resumes instantly), atomically, over the previous one in {@code file}.
 *
 * @param file     the fold's checkpoint file; null when {@code every} is 0 and nothing is resumed
 * @param every    epochs between checkpoints; 0 writes none
 * @param resume   continue from {@code file} when it exists; a checkpoint of other settings is refused, never used
 * @param context  what identifies the training beyond the trainer's own configuration (dataset and manifest hash,
 *                 alignment, protocol, commit, run and fold), compared with the checkpoint's before resuming
 */
public record CheckpointPlan(Path file, int every, boolean resume, Map<String, String> context) {

    /** No checkpoints, nothing resumed. */
    public static final CheckpointPlan NONE = new CheckpointPlan(null, 0, false, Map.of());

    public CheckpointPlan {
        context = Map.copyOf(context);
        if (every < 0) {
            throw new IllegalArgumentException("checkpoint interval (fer.checkpoint.every) must be >= 0, got "
                    + every);
        }
        if (file == null && (every > 0 || resume)) {
            throw new IllegalArgumentException("checkpoints need a file");
        }
    }

    boolean due(int epoch, int lastEpoch) {
        return every > 0 && (epoch % every == 0 || epoch == lastEpoch);
    }
}
