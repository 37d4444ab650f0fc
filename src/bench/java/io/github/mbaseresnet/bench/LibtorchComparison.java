package io.github.mbaseresnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mbaseresnet.backend.BackendSetup;
import io.github.mbaseresnet.model.ModelSummary;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Issue 8's question: does DL4J train MBA-SE-ResNet at least 0.8× as fast as libtorch on the same CPU?
 * <pre>
 *   java -cp target/fer-benchmarks.jar io.github.mbaseresnet.bench.LibtorchComparison [--repeats=5] [--quick]
 *        [--widths=16/32/64] [--batch=16] [--variant=MBA_SE_RESNET]
 * </pre>
 * Each repetition runs {@link TrainingStepBenchmark#train} (DL4J) and {@link LibtorchTrainingBenchmark#train}
 * (libtorch), each a JMH run in its own JVM, in alternating order (DL4J first, then libtorch first, …) so that a
 * drift of the machine's load hits both alike. The ratio of each repetition compares two neighbouring runs; the
 * median and the range over the repetitions are printed. The libtorch JVM gets its own class path (PyTorch presets
 * on JavaCPP 1.5.12, no ND4J: ND4J M2.1 is built on JavaCPP 1.5.7) and must report DL4J's parameter count
 * ({@link ModelSummary}), or it stops. Both inherit the environment: OMP_NUM_THREADS limits both libraries' threads.
 */
@Command(name = "LibtorchComparison",
        description = "DL4J against libtorch: training images/s of the same network, alternating JMH runs")
public final class LibtorchComparison implements Callable<Integer> {
    private static final double TARGET = 0.8;

    @Mixin
    private NetworkOptions network;

    @Option(names = "--repeats", description = "repetitions, each a DL4J and a libtorch run (default: "
            + "${DEFAULT-VALUE})")
    private int repeats = 5;

    @Option(names = "--quick", description = "1 warm-up and 2 iterations of 3 s: checks that everything runs")
    private boolean quick;

    @Option(names = "--variant", description = "MBA_SE_RESNET (default), SE_RESNET or CNN_BASELINE")
    private Variant variant = Variant.MBA_SE_RESNET;

    private LibtorchComparison() {
    }

    /** One repetition's images/s of both. */
    record Pair(double dl4j, double libtorch) {
        double ratio() {
            return dl4j / libtorch;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LibtorchComparison()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String widths = network.widths;
        int batch = network.batch;
        BackendSetup.prepare();
        NetworkConfig cfg = BenchSettings.network(variant, widths);
        long params = ModelSummary.of(cfg).params();
        Path target = benchmarksJar().getParent();
        Path out = target.resolve("libtorch-comparison");
        Files.createDirectories(out);
        List<String> common = new ArrayList<>(List.of("-p", "variant=" + variant, "-p", "batch=" + batch,
                "-p", "widths=" + widths, "-f", "1", "-rf", "json"));
        if (quick) {
            common.addAll(List.of("-wi", "1", "-w", "3s", "-i", "2", "-r", "3s"));
        }
        List<Pair> pairs = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            double dl4j = 0;
            double libtorch = 0;
            for (int k = 0; k < 2; k++) {
                boolean dl4jTurn = (r + k) % 2 == 0;
                Path result = out.resolve((dl4jTurn ? "dl4j-" : "libtorch-") + (r + 1) + ".json");
                double images = dl4jTurn
                        ? run(System.getProperty("java.class.path"), TrainingStepBenchmark.class, common, result)
                        : run(libtorchClassPath(target), LibtorchTrainingBenchmark.class,
                                with(common, "-p", "dl4jParams=" + params), result);
                if (dl4jTurn) {
                    dl4j = images;
                } else {
                    libtorch = images;
                }
            }
            pairs.add(new Pair(dl4j, libtorch));
        }
        String report = report(pairs, variant, widths, batch, params, quick);
        Files.writeString(out.resolve("summary.txt"), report);
        System.out.println();
        System.out.println(report);
        return 0;
    }

    static String report(List<Pair> pairs, Variant variant, String widths, int batch, long params, boolean quick) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "== DL4J vs libtorch, training images/s (%s, widths %s, batch %d, %d parameters in both; %d cores,"
                        + " OMP_NUM_THREADS=%s%s) ==%n", variant.paperName(), widths, batch, params,
                Runtime.getRuntime().availableProcessors(),
                Optional.ofNullable(System.getenv("OMP_NUM_THREADS")).orElse("unset"),
                quick ? "; quick run: not a measurement" : ""));
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            sb.append(String.format(Locale.ROOT, "  run %d: DL4J %7.2f  libtorch %7.2f  ratio %.3f%n", i + 1,
                    p.dl4j(), p.libtorch(), p.ratio()));
        }
        double[] ratios = pairs.stream().mapToDouble(Pair::ratio).sorted().toArray();
        double median = median(ratios);
        sb.append(String.format(Locale.ROOT, "  DL4J %.2f img/s, libtorch %.2f img/s (medians)%n",
                median(pairs.stream().mapToDouble(Pair::dl4j).sorted().toArray()),
                median(pairs.stream().mapToDouble(Pair::libtorch).sorted().toArray())));
        sb.append(String.format(Locale.ROOT, "  DL4J / libtorch = %.3f (median of %d), range %.3f to %.3f; target >= %.1f:"
                        + " %s%n", median, ratios.length, ratios[0], ratios[ratios.length - 1], TARGET,
                median >= TARGET ? "met" : "MISSED"));
        return sb.toString();
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Runs the train benchmark of {@code benchmark} in a JMH JVM of its own; returns its images/s. */
    private static double run(String classPath, Class<?> benchmark, List<String> options, Path result)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath, "org.openjdk.jmh.Main", "^" + benchmark.getName().replace(".", "\\.")
                + "\\.train$"));
        command.addAll(options);
        command.addAll(List.of("-rff", result.toString()));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0 || !Files.exists(result)) {
            throw new IllegalStateException("the JMH run of " + benchmark.getSimpleName() + " failed (exit code "
                    + p.exitValue() + "): see its output above");
        }
        JsonNode runs = new ObjectMapper().readTree(result.toFile());
        JsonNode images = runs.path(0).path("secondaryMetrics").path("images").path("score");
        if (!images.isNumber()) {
            throw new IllegalStateException(result + " has no images/s score: did the benchmark fail?");
        }
        return images.asDouble();
    }

    /**
     * The libtorch JVM's class path: the PyTorch presets with their own JavaCPP and OpenBLAS (target/libtorch, copied
     * by the bench profile), the compiled benchmarks and harness as folders (the jars' manifests would add ND4J's
     * JavaCPP 1.5.7), and JMH.
     */
    private static String libtorchClassPath(Path target) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> jars = Files.list(target.resolve("libtorch"))) {
            jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(entries::add);
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException(target.resolve("libtorch") + " holds no jars: build with "
                    + "mvn -Pbench,cpu package -DskipTests");
        }
        entries.add(target.resolve("bench-classes"));
        entries.add(target.resolve("classes"));
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            jars.filter(j -> Stream.of("jmh-core-", "jopt-simple-", "commons-math3-")
                    .anyMatch(j.getFileName().toString()::startsWith)).sorted().forEach(entries::add);
        }
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Path benchmarksJar() {
        try {
            return Path.of(LibtorchComparison.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> with(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(Arrays.asList(more));
        return all;
    }
}
