package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.align.Face;
import io.github.mbaseresnet.eval.SubjectKFold;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.train.EpochMetrics;
import io.github.mbaseresnet.train.FoldOutcome;
import io.github.mbaseresnet.train.Trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs {@code runs} repetitions of subject-independent k-fold cross-validation for one network configuration.
 *
 * <p>Seeds: run r uses {@code seed + 1000·r} for its fold split, {@code + fold} for the initial weights and
 * {@code + 500 + fold} for shuffling/augmentation. They depend on nothing but the base seed, so two variants run with
 * the same seed see identical folds and batches: ablations are paired.
 */
public final class CrossValidation {
    private final Trainer trainer;
    private final Consumer<String> log;
    private final ExperimentGrid.Share share;
    private final FoldStore store;
    private final Consumer<EpochMetrics> onEpoch;

    /**
     * @param share the (run, fold) units this process trains (a shard's share, issue 8; {@link
     *              ExperimentGrid.Share#ALL} unsharded); the fold split is computed in full either way
     * @param store   completed folds: reused when identical, written as each fold finishes
     * @param onEpoch every epoch's metrics (the cost estimate's first-epoch speed)
     */
    public CrossValidation(Trainer trainer, Consumer<String> log, ExperimentGrid.Share share, FoldStore store,
            Consumer<EpochMetrics> onEpoch) {
        this.trainer = trainer;
        this.log = log;
        this.share = share;
        this.store = store;
        this.onEpoch = onEpoch;
    }

    public CellMeasurement run(List<Face> faces, NetworkConfig network, int folds, int foldsToRun, int runs,
            long seed) {
        int classes = faces.stream().mapToInt(Face::label).max().orElse(0) + 1;
        Map<String, int[]> perSubject = new TreeMap<>();
        faces.forEach(f -> perSubject.computeIfAbsent(f.subject(), s -> new int[classes])[f.label()]++);
        List<FoldResult> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long runSeed = seed + 1000L * run;
            List<Set<String>> split = new SubjectKFold(folds, runSeed).stratifiedSplit(perSubject);
            for (int fold = 0; fold < foldsToRun; fold++) {
                if (!share.trains(run, fold)) {
                    continue;
                }
                var done = store.completed(run, fold);
                if (done.isPresent()) {
                    results.add(done.get());
                    continue;
                }
                Set<String> testSubjects = split.get(fold);
                List<Face> train = faces.stream().filter(f -> !testSubjects.contains(f.subject())).toList();
                List<Face> test = faces.stream().filter(f -> testSubjects.contains(f.subject())).toList();
                long networkSeed = runSeed + fold;
                long dataSeed = runSeed + 500 + fold;
                String tag = String.format("%s run %d/%d fold %d/%d (test %s)", network.variant().paperName(),
                        run + 1, runs, fold + 1, foldsToRun, testSubjects);
                Consumer<EpochMetrics> progress = m -> {
                    log.accept(String.format(java.util.Locale.ROOT, "%s epoch %d: loss %.4f, test acc %.2f%%, "
                            + "%.1f img/s", tag, m.epoch(), m.trainLoss(), m.testAccuracy(), m.imagesPerSecond()));
                    onEpoch.accept(m);
                };
                FoldOutcome outcome = trainer.trainAndTest(network.withSeed(networkSeed), train, test, dataSeed,
                        progress);
                FoldResult result = new FoldResult(run, fold, testSubjects, train.size(), networkSeed, dataSeed,
                        outcome);
                store.save(result);
                results.add(result);
            }
        }
        return new CellMeasurement(results, runs, folds);
    }
}
