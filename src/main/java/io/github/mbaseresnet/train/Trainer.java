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

    public Trainer(TrainingConfig config, ClassSet classes) {
        this.config = config;
        this.classes = classes;
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
        long start = System.nanoTime();
        ComputationGraph net = MbaSeResNet.build(network, updater());
        BatchMaker batches = new BatchMaker(config.augmentation(), classes.size());
        Random rng = new Random(dataSeed);
        List<EpochMetrics> epochs = new ArrayList<>();
        ConfusionMatrix confusion = null;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            double lossSum = 0;
            List<DataSet> epochBatches = batches.trainingEpoch(train, config.batchSize(), rng);
            for (DataSet batch : epochBatches) {
                net.fit(batch);
                lossSum += net.score();
            }
            double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
            confusion = evaluate(net, test, batches);
            EpochMetrics m = new EpochMetrics(epoch, lossSum / epochBatches.size(), confusion.accuracyPercent(),
                    train.size() / trainSeconds);
            epochs.add(m);
            progress.accept(m);
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
