package io.github.mbaseresnet.bench;

import io.github.mbaseresnet.model.BlockStacks;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
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

import java.util.concurrent.TimeUnit;

/**
 * Question: what does the adaptive shortcut cost? The paper calls it "negligible"; our target is at most 5 % of a
 * training step.
 *
 * <p>Each case trains (forward, backward, Adam update) the network's stack of blocks of one kind
 * ({@link BlockStacks}: every block at its real size, no fusion, softmax head) on a fixed batch of 16. The overhead is
 * {@code ADAP_SE / SE − 1}; {@code SE / PLAIN_RESIDUAL − 1} is what SENet's gate costs, for scale. Since the full
 * network adds fusion and the head to the same blocks, the ratio over the stack bounds the ratio over the training
 * step from above. {@link PerformanceReport} prints both.
 *
 * <p>Run: {@code java -jar target/fer-benchmarks.jar BlockCost} (add {@code -p widths=16/32/64} for the CPU widths
 * only). Pitfalls handled: one fork with DL4J's flags, the score goes to a Blackhole, the batch and the network are
 * built once per trial, outside the timing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {Bench.OPEN_NIO, Bench.OPEN_NIO_CH, Bench.OPEN_LANG, Bench.OPEN_UTIL,
        Bench.HELPERS_ON, Bench.HEAP, Bench.OFF_HEAP})
@State(Scope.Benchmark)
public class BlockCostBenchmark {
    @Param({"ADAP_SE", "SE", "PLAIN_RESIDUAL"})
    public BlockStacks.Kind block;

    @Param({BenchSettings.REDUCED_WIDTHS, BenchSettings.PAPER_WIDTHS})
    public String widths;

    private ComputationGraph net;
    private DataSet batch;

    @Setup(Level.Trial)
    public void setUp() {
        Bench.prepareFork();
        NetworkConfig cfg = BenchSettings.network(Variant.MBA_SE_RESNET, widths);
        net = Bench.requireHelpers(BlockStacks.build(block, cfg, Bench.updater(widths)));
        batch = Bench.fixedBatch(cfg, TrainingConfig.PAPER_BATCH_SIZE);
    }

    @Benchmark
    public void trainingStep(Blackhole bh) {
        net.fit(batch);
        bh.consume(net.score());
    }
}
