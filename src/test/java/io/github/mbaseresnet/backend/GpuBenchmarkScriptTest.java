package io.github.mbaseresnet.backend;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ci/gpu-benchmark.sh on a machine without a GPU: its dry run names the three steps (build with the backend's
 * profiles, the GPU smoke test with the off-heap memory settings, the benchmarks) and a wrong argument is refused.
 * The real run needs a GPU (README "GPU").
 */
class GpuBenchmarkScriptTest {

    private static Process run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "ci/gpu-benchmark.sh"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p;
    }

    @Test
    void dryRunNamesTheBuildTheSmokeTestAndTheBenchmarks() throws Exception {
        Process p = run("--dry-run");
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.lines().filter(l -> l.startsWith("+ ")).toList()).satisfiesExactly(
                l -> assertThat(l).isEqualTo("+ mvn -B -q -Pbench,cuda package -DskipTests"),
                l -> assertThat(l).isEqualTo("+ rm -f target/gpu-smoke.txt"),
                l -> assertThat(l).contains("-Pbench,cuda test -Dtest=GpuSmokeTest")
                        .contains("-Dorg.bytedeco.javacpp.maxbytes=").contains("maxphysicalbytes="),
                l -> assertThat(l).contains("bench.PerformanceReport").endsWith("> target/gpu-benchmark-report.txt"));
    }

    @Test
    void cpuPathUsesTheCpuProfileAndAWrongArgumentIsRefused() throws Exception {
        Process cpu = run("--cpu", "--quick", "--dry-run");
        String out = new String(cpu.getInputStream().readAllBytes());
        assertThat(out).contains("-Pbench,cpu package").contains("PerformanceReport --quick").doesNotContain("cuda");
        Process wrong = run("--gpu");
        assertThat(wrong.exitValue()).isEqualTo(2);
        assertThat(new String(wrong.getInputStream().readAllBytes())).contains("usage: ci/gpu-benchmark.sh");
    }
}
