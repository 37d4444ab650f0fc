package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.align.Face;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.train.CheckpointPlan;
import io.github.mbaseresnet.train.EpochMetrics;
import io.github.mbaseresnet.train.Trainer;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs {@code runs} repetitions of subject-independent k-fold cross-validation for one network configuration; folds
 * and seeds are {@link FoldSplit}'s. Each fold is checkpointed and its trained model saved as {@link FoldStorage}
 * says.
 */
public final class CrossValidation {
    private final Trainer trainer;
    private final FoldStorage storage;
    private final Consumer<String> log;
    private final Consumer<Progress> progress;
    private final ExperimentGrid.Share share;
    private final FoldStore store;

    /**
     * @param storage  checkpoints and saved models of each fold (issue 7)
     * @param log      messages about the folds (reused, resumed, saved)
     * @param progress one event per epoch (logs, the command line's progress bar, the cost estimate)
     * @param share    the (run, fold) units this process trains (a shard's share, issue 8; {@link
     *                 ExperimentGrid.Share#ALL} unsharded); the fold split is computed in full either way
     * @param store    completed folds: reused when identical, written as each fold finishes (issue 8)
     */
    public CrossValidation(Trainer trainer, FoldStorage storage, Consumer<String> log, Consumer<Progress> progress,
            ExperimentGrid.Share share, FoldStore store) {
        this.trainer = trainer;
        this.storage = storage;
        this.log = log;
        this.progress = progress;
        this.share = share;
        this.store = store;
    }

    public CellMeasurement run(List<Face> faces, NetworkConfig network, int folds, int foldsToRun, int runs,
            long seed) {
        List<FoldResult> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            FoldSplit split = FoldSplit.of(faces, folds, seed, run);
            for (int fold = 0; fold < foldsToRun; fold++) {
                if (!share.trains(run, fold)) {
                    continue;
                }
                var done = storage.hasModel(run, fold) ? store.completed(run, fold) : Optional.<FoldResult>empty();
                if (done.isPresent()) {
                    results.add(done.get());
                    continue;
                }
                Set<String> testSubjects = split.testSubjects().get(fold);
                List<Face> train = split.train(faces, fold);
                List<Face> test = split.test(faces, fold);
                String variant = network.variant().paperName();
                int r = run;
                int k = fold;
                Consumer<EpochMetrics> epochDone = m -> progress.accept(new Progress(variant, r, runs, k, foldsToRun,
                        testSubjects, trainer.epochs(), m));
                String tag = Progress.tag(variant, run, runs, fold, foldsToRun, testSubjects);
                NetworkConfig foldNetwork = network.withSeed(split.networkSeed(fold));
                CheckpointPlan checkpoints = storage.checkpoints(run, fold);
                if (checkpoints.resume() && Files.exists(checkpoints.file())) {
                    log.accept(tag + ": resuming from " + checkpoints.file());
                }
                Trainer.TrainedFold trained = trainer.train(foldNetwork, train, test, split.dataSeed(fold),
                        checkpoints, epochDone);
                if (trained.resumedAfterEpoch() == trained.outcome().epochs().size()) {
                    log.accept(tag + ": finished before, not retrained");
                }
                FoldResult result = new FoldResult(run, fold, testSubjects, train.size(), split.networkSeed(fold),
                        split.dataSeed(fold), trained.outcome());
                storage.save(result, foldNetwork, trained.network()).ifPresent(f -> log.accept(tag + ": model "
                        + f));
                store.save(result);
                results.add(result);
            }
        }
        return new CellMeasurement(results, runs, folds);
    }
}
