package io.github.mbaseresnet.bench;

import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.train.TrainingConfig;
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
 * Question: how many images per second does libtorch train the same network on the same CPU? The counterpart of
 * {@link TrainingStepBenchmark#train}: one step (forward, eq. 12 loss, backward, Adam update with the harness's β1,
 * β2 and learning rate) of {@link LibtorchNetwork} on the same fixed batch ({@link FixedBatch}).
 *
 * <p>It needs the JavaCPP PyTorch presets, which need JavaCPP 1.5.12 while ND4J M2.1 is built on 1.5.7, so it runs
 * with its own class path ({@code target/libtorch/*.jar}, no ND4J at all), not from {@code fer-benchmarks.jar}'s:
 * {@link LibtorchComparison} launches it and checks that its parameter count ({@code dl4jParams}) equals DL4J's.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {Bench.HEAP, Bench.OFF_HEAP})
@State(Scope.Benchmark)
public class LibtorchTrainingBenchmark {
    @Param({"MBA_SE_RESNET"})
    public Variant variant;

    @Param({"16"})
    public int batch;

    @Param({BenchSettings.REDUCED_WIDTHS})
    public String widths;

    /** DL4J's parameter count of the same network (ModelSummary), which this network must match. */
    @Param({"0"})
    public long dl4jParams;

    private LibtorchStep step;

    @Setup(Level.Trial)
    public void setUp() {
        try {
            Class.forName("org.bytedeco.pytorch.Tensor");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the JavaCPP PyTorch presets are not on the class path: run this "
                    + "benchmark through LibtorchComparison (README, Performance), not from fer-benchmarks.jar", e);
        }
        NetworkConfig cfg = BenchSettings.network(variant, widths);
        TrainingConfig training = BenchSettings.settings(widths).training();
        step = new LibtorchStep(cfg, training, FixedBatch.of(cfg, batch));
        if (step.parameterCount() != dl4jParams) {
            throw new IllegalStateException("the libtorch network has " + step.parameterCount() + " parameters, "
                    + "DL4J's (ModelSummary) " + dl4jParams + ": they are not the same network (pass -p dl4jParams)");
        }
        System.out.println("libtorch intra-op threads: " + step.threads());
    }

    @Benchmark
    public void train(ImageCounter counter, Blackhole bh) {
        bh.consume(step.train());
        counter.images += batch;
    }
}
