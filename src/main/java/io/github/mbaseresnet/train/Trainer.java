package io.github.mbaseresnet.train;

import io.github.mbaseresnet.align.Face;
import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.eval.ConfusionMatrix;
import io.github.mbaseresnet.model.MbaSeResNet;
import io.github.mbaseresnet.model.NetworkConfig;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** Trains one network on one fold and evaluates it on the held-out fold. */
public final class Trainer {
    private final TrainingConfig config;
    private final ClassSet classes;
    private final int prefetchDepth;

    /** A trainer that makes each batch on the training thread, when it is needed. */
    public Trainer(TrainingConfig config, ClassSet classes) {
        this(config, classes, 0);
    }

    /** @param prefetchDepth batches made ahead on a background thread ({@code fer.prefetch}; 0 = none) */
    public Trainer(TrainingConfig config, ClassSet classes, int prefetchDepth) {
        this.config = config;
        this.classes = classes;
        this.prefetchDepth = prefetchDepth;
    }

    /** The paper's optimiser: Adam, learning rate halved every {@code halvingPeriod} mini-batch updates (§4). */
    public Adam updater() {
        return new Adam.Builder()
                .learningRateSchedule(new StepSchedule(ScheduleType.ITERATION, config.learningRate(), 0.5,
                        config.halvingPeriod()))
                .beta1(config.beta1()).beta2(config.beta2()).build();
    }

    /**
     * Builds a fresh network from {@code network} (its seed fixes the initial weights), trains it for the configured
     * epochs on {@code train} (shuffle and augmentation seeded by {@code dataSeed}) and tests it on {@code test}.
     */
    public FoldOutcome trainAndTest(NetworkConfig network, List<Face> train, List<Face> test, long dataSeed,
            Consumer<EpochMetrics> progress) {
        return fit(MbaSeResNet.build(network, updater()), train, test, dataSeed, progress);
    }

    /**
     * Trains {@code net} as {@link #trainAndTest} does. Batches come from one seeded stream over all epochs, made on
     * a background thread when {@code prefetchDepth > 0}: the next epoch's first batches are ready while this one is
     * evaluated, and the batches are bit-identical to those made on this thread.
     */
    FoldOutcome fit(ComputationGraph net, List<Face> train, List<Face> test, long dataSeed,
            Consumer<EpochMetrics> progress) {
        long start = System.nanoTime();
        BatchMaker batches = new BatchMaker(config.augmentation(), classes.size());
        int perEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        List<EpochMetrics> epochs = new ArrayList<>();
        ConfusionMatrix confusion = null;
        try (PrefetchingIterator<DataSet> feed = new PrefetchingIterator<>(batches.training(train,
                config.batchSize(), new Random(dataSeed), config.epochs()), prefetchDepth)) {
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                double lossSum = 0;
                for (int b = 0; b < perEpoch; b++) {
                    net.fit(feed.next());
                    lossSum += net.score();
                }
                double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
                confusion = evaluate(net, test, batches);
                EpochMetrics m = new EpochMetrics(epoch, lossSum / perEpoch, confusion.accuracyPercent(),
                        train.size() / trainSeconds);
                epochs.add(m);
                progress.accept(m);
            }
        }
        return new FoldOutcome(confusion, epochs, (System.nanoTime() - start) / 1e9);
    }

    /** Confusion matrix of {@code net} on {@code faces}, prediction = argmax of the head's output (cos θ for eq. 12). */
    public ConfusionMatrix evaluate(ComputationGraph net, List<Face> faces, BatchMaker batches) {
        ConfusionMatrix confusion = ConfusionMatrix.empty(classes);
        int index = 0;
        for (DataSet batch : batches.evaluation(faces, config.batchSize())) {
            INDArray predicted = net.outputSingle(false, batch.getFeatures()).argMax(1);
            for (int i = 0; i < predicted.length(); i++) {
                confusion = confusion.plus(faces.get(index++).label(), predicted.getInt(i));
            }
        }
        return confusion;
    }
}
