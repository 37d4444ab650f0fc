package io.github.mbaseresnet.bench;

import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
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

import java.util.concurrent.TimeUnit;

/**
 * Question: how many images per second does each variant train and infer, at batch 16 (the paper's) and 64?
 *
 * <p>{@code train} is one {@code net.fit} of a fixed batch (forward, backward, Adam update) of the network a
 * reproduction builds (eq. 12 head); {@code infer} is {@code net.output} in test mode. The primary score is
 * operations (batches) per second; the secondary score {@code images} ({@link ImageCounter}) is images per second,
 * i.e. the primary score × batch.
 *
 * <p>Run: {@code java -jar target/fer-benchmarks.jar TrainingStep -p widths=16/32/64}. The paper widths
 * (64/128/256) at batch 64 take seconds per operation on a CPU: give them long iterations ({@code -r 30s}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {Bench.OPEN_NIO, Bench.OPEN_NIO_CH, Bench.OPEN_LANG, Bench.OPEN_UTIL,
        Bench.HELPERS_ON, Bench.HEAP, Bench.OFF_HEAP})
@State(Scope.Benchmark)
public class TrainingStepBenchmark {
    @Param({"MBA_SE_RESNET", "SE_RESNET", "CNN_BASELINE"})
    public Variant variant;

    @Param({"16", "64"})
    public int batch;

    @Param({BenchSettings.REDUCED_WIDTHS, BenchSettings.PAPER_WIDTHS})
    public String widths;

    private ComputationGraph net;
    private DataSet data;
    private INDArray features;

    @Setup(Level.Trial)
    public void setUp() {
        Bench.prepareFork();
        NetworkConfig cfg = BenchSettings.network(variant, widths);
        net = Bench.build(cfg, widths);
        data = Bench.fixedBatch(cfg, batch);
        features = data.getFeatures();
        // a custom output layer must see one output before its first fit (DL4J #7785); the harness does the same
        net.outputSingle(false, features);
    }

    @Benchmark
    public void train(ImageCounter counter, Blackhole bh) {
        net.fit(data);
        bh.consume(net.score());
        counter.images += batch;
    }

    @Benchmark
    public void infer(ImageCounter counter, Blackhole bh) {
        bh.consume(net.outputSingle(false, features));
        counter.images += batch;
    }
}
