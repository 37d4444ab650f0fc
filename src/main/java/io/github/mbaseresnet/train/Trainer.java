package io.github.mbaseresnet.train;

import io.github.mbaseresnet.align.Face;
import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.Manifest;
import io.github.mbaseresnet.eval.ConfusionMatrix;
import io.github.mbaseresnet.model.MbaSeResNet;
import io.github.mbaseresnet.model.NetworkConfig;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

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

    /** Epochs each fold is trained for. */
    public int epochs() {
        return config.epochs();
    }

    /** The paper's optimiser: Adam, learning rate halved every {@code halvingPeriod} mini-batch updates (§4). */
    public Adam updater() {
        return new Adam.Builder()
                .learningRateSchedule(new StepSchedule(ScheduleType.ITERATION, config.learningRate(), 0.5,
                        config.halvingPeriod()))
                .beta1(config.beta1()).beta2(config.beta2()).build();
    }

    /** A trained fold: its outcome, the network after the last epoch, and the epoch it resumed after (0: none). */
    public record TrainedFold(FoldOutcome outcome, ComputationGraph network, int resumedAfterEpoch) {
    }

    /**
     * Builds a fresh network from {@code network} (its seed fixes the initial weights), trains it for the configured
     * epochs on {@code train} (shuffle and augmentation seeded by {@code dataSeed}) and tests it on {@code test}.
     */
    public FoldOutcome trainAndTest(NetworkConfig network, List<Face> train, List<Face> test, long dataSeed,
            Consumer<EpochMetrics> progress) {
        return train(network, train, test, dataSeed, CheckpointPlan.NONE, progress).outcome();
    }

    /**
     * As {@link #trainAndTest}, checkpointed by {@code checkpoints}: when it resumes, the network, its updater, the
     * RNG and the metrics so far come from the checkpoint and training continues with the next epoch, exactly as if
     * it had never stopped (issue 7). Only the epochs trained now are reported to {@code progress}.
     *
     * <p>Batches come from one seeded stream over all epochs, made on a background thread when
     * {@code prefetchDepth > 0} (issue 5): the next epoch's first batches are ready while this one is evaluated, and
     * the batches are bit-identical to those made on this thread. Because that thread runs ahead, a checkpoint takes
     * the RNG as the stream left it after the epoch's last batch, not as it is when the checkpoint is written.
     */
    public TrainedFold train(NetworkConfig network, List<Face> train, List<Face> test, long dataSeed,
            CheckpointPlan checkpoints, Consumer<EpochMetrics> progress) {
        long start = System.nanoTime();
        Map<String, String> identity = identity(network, train, test, dataSeed, checkpoints.context());
        Optional<Checkpoint> resumed = Optional.empty();
        if (checkpoints.resume() && Files.exists(checkpoints.file())) {
            Checkpoint c = Checkpoint.load(checkpoints.file());
            c.requireIdentity(checkpoints.file(), identity);
            resumed = Optional.of(c);
        }
        ComputationGraph net = resumed.map(Checkpoint::network).orElseGet(() -> MbaSeResNet.build(network,
                updater()));
        Random rng = resumed.map(Checkpoint::rng).orElseGet(() -> new Random(dataSeed));
        List<EpochMetrics> epochs = new ArrayList<>(resumed.map(Checkpoint::epochs).orElse(List.of()));
        double earlierSeconds = resumed.map(Checkpoint::seconds).orElse(0.0);
        BatchMaker batches = new BatchMaker(config.augmentation(), classes.size());
        int perEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        resumed.ifPresent(c -> requireConsistent(c, checkpoints.file(), perEpoch));
        int first = epochs.size() + 1;
        Map<Integer, Random> rngAfterEpoch = new ConcurrentHashMap<>();
        Iterator<DataSet> stream = batches.training(train, config.batchSize(), rng, config.epochs() - epochs.size());
        ConfusionMatrix confusion = null;
        try (PrefetchingIterator<DataSet> feed = new PrefetchingIterator<>(checkpoints.every() == 0 ? stream
                : rngAfterEachEpoch(stream, perEpoch, first, rng, rngAfterEpoch), prefetchDepth)) {
            for (int epoch = first; epoch <= config.epochs(); epoch++) {
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
                Random rngNow = rngAfterEpoch.remove(epoch);
                if (checkpoints.due(epoch, config.epochs())) {
                    new Checkpoint(identity, epochs, earlierSeconds + (System.nanoTime() - start) / 1e9, rngNow, net)
                            .save(checkpoints.file());
                }
                progress.accept(m);
            }
        }
        if (confusion == null) { // resumed after the last epoch: the test is deterministic, so evaluate again
            confusion = evaluate(net, test, batches);
        }
        return new TrainedFold(new FoldOutcome(confusion, epochs, earlierSeconds + (System.nanoTime() - start) / 1e9),
                net, resumed.map(Checkpoint::epoch).orElse(0));
    }

    /**
     * A checkpoint whose epochs do not fit this training, or whose network has not made one update per batch of them,
     * is not a state this training passed through (an edited or mixed-up file): resuming it would count a fold that
     * was never trained as finished.
     */
    private void requireConsistent(Checkpoint c, java.nio.file.Path file, int perEpoch) {
        long updates = (long) c.epoch() * perEpoch;
        if (c.epoch() > config.epochs() || c.network().getIterationCount() != updates) {
            throw new io.github.mbaseresnet.model.NetworkArchive.Invalid(file, "claims " + c.epoch() + " of "
                    + config.epochs() + " epochs (" + updates + " updates of " + perEpoch + " batches), but its network "
                    + "made " + c.network().getIterationCount() + " updates: not a checkpoint of this training, so it "
                    + "is not resumed. Delete it to train this fold afresh");
        }
    }

    /**
     * What a checkpoint must match to be resumed: this trainer's and the network's configuration, the class set, the
     * data seed, which faces are trained and tested on (ids, subjects and labels, hashed), and the caller's context.
     */
    private Map<String, String> identity(NetworkConfig network, List<Face> train, List<Face> test, long dataSeed,
            Map<String, String> context) {
        Map<String, String> id = new TreeMap<>(context);
        id.put("network", network.toString());
        id.put("training", config.toString());
        id.put("classes", classes.codes().toString());
        id.put("data seed", Long.toString(dataSeed));
        id.put("train faces", train.size() + " sha256 " + facesHash(train));
        id.put("test faces", test.size() + " sha256 " + facesHash(test));
        return id;
    }

    /**
     * {@code stream}, keeping in {@code after} a copy of {@code rng} as it stands after each epoch's last batch
     * (epochs counted from {@code first}), on whichever thread makes the batches.
     */
    private static Iterator<DataSet> rngAfterEachEpoch(Iterator<DataSet> stream, int perEpoch, int first, Random rng,
            Map<Integer, Random> after) {
        return new Iterator<>() {
            private int made;

            @Override
            public boolean hasNext() {
                return stream.hasNext();
            }

            @Override
            public DataSet next() {
                DataSet batch = stream.next();
                if (++made % perEpoch == 0) {
                    after.put(first - 1 + made / perEpoch, Checkpoint.copyOf(rng));
                }
                return batch;
            }
        };
    }

    private static String facesHash(List<Face> faces) {
        return Manifest.sha256Of(faces.stream().map(f -> f.id() + "\t" + f.subject() + "\t" + f.label() + "\n")
                .collect(Collectors.joining()));
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
