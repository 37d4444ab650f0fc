package io.github.mbaseresnet.bench;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Runs the three benchmarks in one go and prints their answers as ratios:
 * <pre>
 *   java -cp target/fer-benchmarks.jar io.github.mbaseresnet.bench.PerformanceReport [--quick]
 *        [--widths=16/32/64,64/128/256] [--batches=16,64]
 * </pre>
 * {@code --quick}: 1 warm-up and 2 measured iterations of 2 s each (a check that everything runs, not a result).
 * Defaults: the CPU widths 16/32/64 and batches 16 and 64, with the benchmarks' own iterations. JMH's JSON goes to
 * {@code target/jmh-result.json}. The forks inherit the environment: on a machine shared with other work, set
 * {@code OMP_NUM_THREADS=1} (ND4J's OpenMP threads otherwise spin against the other processes; 6× slower measured).
 */
@Command(name = "PerformanceReport",
        description = "block cost, training step, inference and pipeline benchmarks, and the ratios of issue 8")
public final class PerformanceReport implements Callable<Integer> {
    private static final String BLOCK = BlockCostBenchmark.class.getName();
    private static final String STEP = TrainingStepBenchmark.class.getName();
    private static final String PIPELINE = PipelineBenchmark.class.getName();
    private static final double OVERHEAD_TARGET = 0.05;
    private static final double PIPELINE_TARGET = 5;

    @Option(names = "--quick", description = "1 warm-up and 2 iterations of 2 s each: only checks that everything "
            + "runs")
    private boolean quick;

    @Option(names = "--widths", split = ",", description = "comma-separated widths, e.g. 16/32/64,64/128/256 "
            + "(default: 16/32/64)")
    private List<String> widths = List.of(BenchSettings.REDUCED_WIDTHS);

    @Option(names = "--batches", split = ",", description = "comma-separated batch sizes (default: 16,64)")
    private List<String> batches = List.of("16", "64");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    private boolean help;

    private PerformanceReport() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PerformanceReport()).execute(args));
    }

    @Override
    public Integer call() throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + quote(BLOCK) + "\\.")
                .include("^" + quote(STEP) + "\\.")
                .include("^" + quote(PIPELINE) + "\\.")
                .param("widths", widths.toArray(String[]::new))
                .param("batch", batches.toArray(String[]::new))
                .resultFormat(ResultFormatType.JSON)
                .result("target/jmh-result.json");
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(2));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println();
        System.out.println(report(results, widths, batches, quick));
        return 0;
    }

    static String report(Collection<RunResult> results, List<String> widths, List<String> batches, boolean quick) {
        StringBuilder out = new StringBuilder("== Performance (" + (quick ? "quick run: not a measurement" : "JMH")
                + ", " + Runtime.getRuntime().availableProcessors() + " cores, OMP_NUM_THREADS="
                + Optional.ofNullable(System.getenv("OMP_NUM_THREADS")).orElse("unset") + ") ==\n");
        for (String w : widths) {
            out.append("\nwidths ").append(w).append('\n');
            // 1. block cost: time per training step of each block stack
            Optional<Double> adap = score(results, BLOCK, Map.of("block", "ADAP_SE", "widths", w));
            Optional<Double> se = score(results, BLOCK, Map.of("block", "SE", "widths", w));
            Optional<Double> plain = score(results, BLOCK, Map.of("block", "PLAIN_RESIDUAL", "widths", w));
            if (adap.isPresent() && se.isPresent()) {
                out.append(line("Adap-SE block stack over SE block stack: %+.2f%% (%.1f vs %.1f ms/step)",
                        100 * (adap.get() / se.get() - 1), adap.get(), se.get()));
            }
            if (se.isPresent() && plain.isPresent()) {
                out.append(line("SE block stack over plain residual stack: %+.2f%% (%.1f vs %.1f ms/step)",
                        100 * (se.get() / plain.get() - 1), se.get(), plain.get()));
            }
            // 2. the same question on the whole network's training step, and images/s per variant
            for (String b : batches) {
                Optional<Double> mba = images(results, STEP + ".train", Map.of("variant", "MBA_SE_RESNET",
                        "widths", w, "batch", b));
                Optional<Double> seNet = images(results, STEP + ".train", Map.of("variant", "SE_RESNET",
                        "widths", w, "batch", b));
                if (mba.isPresent() && seNet.isPresent()) {
                    double overhead = seNet.get() / mba.get() - 1;
                    out.append(line("Adap-SE overhead over SE-ResNet: %.2f%% of the training step at batch %s "
                            + "(target <= 5%%: %s)", 100 * overhead, b, overhead <= OVERHEAD_TARGET ? "met" : "MISSED"));
                }
            }
            for (String b : batches) {
                for (String variant : List.of("MBA_SE_RESNET", "SE_RESNET", "CNN_BASELINE")) {
                    Map<String, String> p = Map.of("variant", variant, "widths", w, "batch", b);
                    Optional<Double> train = images(results, STEP + ".train", p);
                    Optional<Double> infer = images(results, STEP + ".infer", p);
                    if (train.isPresent() || infer.isPresent()) {
                        out.append(line("%-14s batch %3s: train %7.1f img/s, infer %7.1f img/s", variant, b,
                                train.orElse(Double.NaN), infer.orElse(Double.NaN)));
                    }
                }
            }
            // 3. the pipeline against the step it feeds
            Optional<Double> step = images(results, PIPELINE + ".trainingStep", Map.of("widths", w));
            for (String method : List.of("pipeline", "prefetched")) {
                for (String augment : List.of("paper", "crop-mirror")) {
                    Optional<Double> pipe = images(results, PIPELINE + "." + method, Map.of("augment", augment));
                    if (pipe.isPresent() && step.isPresent()) {
                        double ratio = pipe.get() / step.get();
                        out.append(line("%s / training step: %.0fx with augment=%s (%.1f vs %.2f batches/s of "
                                + "%d; target >= 5x: %s)", method, ratio, augment, pipe.get() / PipelineBenchmark.BATCH,
                                step.get() / PipelineBenchmark.BATCH, PipelineBenchmark.BATCH,
                                ratio >= PIPELINE_TARGET ? "met" : "MISSED"));
                    }
                }
            }
        }
        return out.toString();
    }

    /** The primary score of the one result of {@code benchmark} (class or class.method) with {@code params}. */
    private static Optional<Double> score(Collection<RunResult> results, String benchmark, Map<String, String> params) {
        return find(results, benchmark, params).map(r -> r.getPrimaryResult().getScore());
    }

    /** The images/s ({@link ImageCounter}) of the one result of {@code benchmark} with {@code params}. */
    private static Optional<Double> images(Collection<RunResult> results, String benchmark,
            Map<String, String> params) {
        return find(results, benchmark, params).map(r -> r.getSecondaryResults().get("images"))
                .map(Result::getScore);
    }

    private static Optional<RunResult> find(Collection<RunResult> results, String benchmark,
            Map<String, String> params) {
        Predicate<RunResult> matches = r -> (r.getParams().getBenchmark().equals(benchmark)
                || r.getParams().getBenchmark().startsWith(benchmark + "."))
                && params.entrySet().stream().allMatch(e -> e.getValue().equals(r.getParams().getParam(e.getKey())));
        return results.stream().filter(matches).findFirst();
    }

    private static String line(String format, Object... args) {
        return "  " + String.format(Locale.ROOT, format, args) + "\n";
    }

    private static String quote(String className) {
        return className.replace(".", "\\.");
    }
}
