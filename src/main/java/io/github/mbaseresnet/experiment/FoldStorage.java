package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.bundle.ModelBundle;
import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.report.RunRecords;
import io.github.mbaseresnet.train.CheckpointPlan;
import io.github.mbaseresnet.train.TrainingConfig;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where one cell's folds keep their checkpoints and trained models (issue 7), and what identifies them. Files are
 * {@code <dir>/<cell>/run<R>-fold<K>.zip} with R and K counted from 1, as the training log counts them.
 *
 * @param checkpointDir   fer.checkpoint.dir
 * @param checkpointEvery fer.checkpoint.every (0: no checkpoints)
 * @param resume          fer.checkpoint.resume: continue each fold from its checkpoint when there is one
 * @param modelDir        where model bundles are written; empty: not written (fer.models.save=false)
 * @param cell            file-name stem of the cell, {@code <dataset>-<row>}
 * @param environment     EnvironmentInfo of the run (its git.commit is part of a checkpoint's identity)
 */
public record FoldStorage(Path checkpointDir, int checkpointEvery, boolean resume, Optional<Path> modelDir,
        String cell, String dataset, String manifestSha256, ClassSet classes, int faceSize, String alignment,
        TrainingConfig training, String protocol, long seed, int folds, Map<String, String> environment) {

    public FoldStorage {
        environment = Map.copyOf(environment);
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("fer.checkpoint.every must be >= 0 (0: no checkpoints), got "
                    + checkpointEvery);
        }
    }

    /** The folder name of a cell's files: {@code synthetic-mba-se-resnet-proposed-loss}. */
    public static String cell(String dataset, String row) {
        return RunRecords.slug(dataset + "-" + row);
    }

    /** {@code run1-fold2.zip} for run 0, fold 1. */
    public static String fileName(int run, int fold) {
        return "run" + (run + 1) + "-fold" + (fold + 1) + ".zip";
    }

    /** The fold's checkpoint plan: a checkpoint from another dataset copy, alignment, protocol or commit is refused. */
    public CheckpointPlan checkpoints(int run, int fold) {
        if (checkpointEvery == 0 && !resume) {
            return CheckpointPlan.NONE;
        }
        return new CheckpointPlan(checkpointDir.resolve(cell).resolve(fileName(run, fold)), checkpointEvery, resume,
                Map.of("dataset", dataset, "manifest sha256", manifestSha256, "alignment", alignment, "protocol",
                        protocol, "commit", environment.getOrDefault("git.commit", "unknown"), "run",
                        Integer.toString(run), "fold", Integer.toString(fold)));
    }

    /**
     * Whether the fold's model bundle is where it should be: trivially when models are not saved. A completed fold is
     * reused only then, so that a run that promises models (fer train) never points at a bundle it did not write.
     */
    public boolean hasModel(int run, int fold) {
        return modelDir.map(dir -> java.nio.file.Files.isRegularFile(dir.resolve(cell).resolve(fileName(run, fold))))
                .orElse(true);
    }

    /** Writes the fold's model bundle when models are saved, and returns its path. */
    public Optional<Path> save(FoldResult result, NetworkConfig network, ComputationGraph trained) {
        return modelDir.map(dir -> {
            Path file = dir.resolve(cell).resolve(fileName(result.run(), result.fold()));
            ModelBundle.save(file, new ModelBundle.Metadata(ModelBundle.FORMAT, dataset, manifestSha256, classes,
                    faceSize, alignment, network, training, protocol, seed, folds, result.run(), result.fold(),
                    result.testSubjects(), result.networkSeed(), result.dataSeed(), result.accuracyPercent(),
                    result.outcome().confusion().total(), environment), trained);
            return file;
        });
    }
}
