package io.github.mbaseresnet.bench;

import io.github.mbaseresnet.align.Face;
import io.github.mbaseresnet.align.FacePreparation;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.experiment.DatasetSource;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.experiment.PreparedFaces;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.train.Augmentation;
import io.github.mbaseresnet.train.BatchMaker;
import io.github.mbaseresnet.train.PrefetchingIterator;
import io.github.mbaseresnet.train.TrainingConfig;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Question: is the data pipeline at least 5× faster than the training step, so that it never limits a GPU?
 *
 * <p>{@code pipeline} is one epoch of what {@code Trainer} does before each {@code fit}: shuffle, random crop, mirror
 * and (with {@code augment=paper}) §4's rotation, translation, jitter and noise, into NCHW batches of 16, over the
 * embedded dataset's faces, taken from the face cache in the setup as a reproduction does; {@code prefetched} is the
 * same epoch through the trainer's background thread and queue ({@code fer.prefetch}).
 * {@code trainingStep} is one {@code fit} of MBA-SE-ResNet on a batch of the same shape. Both report {@code images}/s
 * ({@link ImageCounter}); the ratio of the two is the answer ({@link PerformanceReport} prints it).
 *
 * <p>Run: {@code java -jar target/fer-benchmarks.jar Pipeline -p widths=16/32/64}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {Bench.OPEN_NIO, Bench.OPEN_NIO_CH, Bench.OPEN_LANG, Bench.OPEN_UTIL,
        Bench.HELPERS_ON, Bench.HEAP, Bench.OFF_HEAP})
public class PipelineBenchmark {
    static final int BATCH = TrainingConfig.PAPER_BATCH_SIZE;

    /** The embedded dataset's faces and the batch maker of the chosen augmentation. */
    @State(Scope.Benchmark)
    public static class Faces {
        /** paper: §4's full augmentation (the paper protocol); crop-mirror: the CPU protocols' (bit-identical). */
        @Param({"paper", "crop-mirror"})
        public String augment;

        List<Face> faces;
        BatchMaker batches;
        int prefetchDepth;
        Random rng;

        @Setup(Level.Trial)
        public void setUp() {
            Bench.prepareFork();
            // the cache folder is the harness's (-Dfer.cache / FER_CACHE, default target/fer-cache): generated once
            HarnessSettings settings = HarnessSettings.fromEnvironment();
            DatasetSource.LoadedDataset dataset = new DatasetSource(settings).load(DatasetId.SYNTHETIC).orElseThrow();
            faces = new PreparedFaces(settings, System.err::println).of(dataset, FacePreparation.Progress.NONE)
                    .prepared().faces();
            prefetchDepth = settings.prefetchDepth();
            Augmentation paper = Augmentation.PAPER;
            Augmentation chosen = switch (augment) {
                case "paper" -> paper;
                case "crop-mirror" -> new Augmentation(paper.cropSize(), paper.mirror());
                default -> throw new IllegalArgumentException("augment=" + augment + ": use paper or crop-mirror");
            };
            batches = new BatchMaker(chosen, BenchSettings.CLASSES.size());
            rng = new Random(BenchSettings.SEED);
        }
    }

    /** MBA-SE-ResNet at the chosen widths and a fixed batch of the pipeline's shape (pixel values do not change the
     * time of a step; a state of its own keeps the step from being repeated for each augmentation). */
    @State(Scope.Benchmark)
    public static class Step {
        @Param({BenchSettings.REDUCED_WIDTHS, BenchSettings.PAPER_WIDTHS})
        public String widths;

        ComputationGraph net;
        DataSet batch;

        @Setup(Level.Trial)
        public void setUp() {
            Bench.prepareFork();
            NetworkConfig cfg = BenchSettings.network(Variant.MBA_SE_RESNET, widths);
            net = Bench.build(cfg, widths);
            batch = Bench.fixedBatch(cfg, BATCH);
            net.outputSingle(false, batch.getFeatures());
        }
    }

    @Benchmark
    public void pipeline(Faces f, ImageCounter counter, Blackhole bh) {
        f.batches.training(f.faces, BATCH, f.rng, 1).forEachRemaining(bh::consume);
        counter.images += f.faces.size();
    }

    /** The same epoch as the trainer receives it: made on a background thread, handed over through the queue. */
    @Benchmark
    public void prefetched(Faces f, ImageCounter counter, Blackhole bh) {
        try (var feed = new PrefetchingIterator<>(f.batches.training(f.faces, BATCH, f.rng, 1),
                f.prefetchDepth)) {
            feed.forEachRemaining(bh::consume);
        }
        counter.images += f.faces.size();
    }

    @Benchmark
    public void trainingStep(Step s, ImageCounter counter, Blackhole bh) {
        s.net.fit(s.batch);
        bh.consume(s.net.score());
        counter.images += BATCH;
    }
}
