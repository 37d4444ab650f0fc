package io.github.mbaseresnet.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users' CI files of {@code ci/} (issue 8): both pipelines parse, have a shard matrix whose jobs call the entry
 * script with their i/n and a merge job that publishes the reports; the entry script's steps, run for real on CPU
 * with a stub for Maven, and dry-run for the GPU and merge modes. (A shard's {@code mvn verify} itself is the
 * reproduction ITs with {@code fer.shard} set; {@code ShardedReproductionTest} covers its bookkeeping.)
 */
class CiPipelinesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void theGitHubWorkflowHasAShardMatrixCallingTheEntryScriptAndAMergeJobPublishingTheReports() throws Exception {
        JsonNode jobs = YAML.readTree(Path.of("ci/github/gpu-reproduction.yml").toFile()).get("jobs");
        JsonNode shard = jobs.get("shard");
        assertThat(texts(shard.get("runs-on"))).contains("self-hosted", "gpu");
        assertThat(shard.get("strategy").get("matrix").get("shard").size()).isGreaterThanOrEqualTo(2);
        assertThat(texts(YAML.valueToTree(shard.get("steps").findValues("run")))).singleElement().asString()
                .startsWith("ci/gpu-verify.sh --shard \"${{ matrix.shard }}/${{ strategy.job-total }}\"");
        JsonNode merge = jobs.get("merge");
        assertThat(merge.get("needs").asText()).isEqualTo("shard");
        assertThat(texts(YAML.valueToTree(merge.get("steps").findValues("run")))).singleElement().asString()
                .startsWith("ci/gpu-verify.sh --merge --out merged shards/*");
        String uploaded = String.join("\n", texts(YAML.valueToTree(merge.get("steps").findValues("path"))));
        assertThat(uploaded).contains("merged/reproducibility-report.md").contains("merged/allure-report");
    }

    @Test
    void theGitLabPipelineRunsTheShardsWithParallelAndThenMerges() throws Exception {
        JsonNode root = YAML.readTree(Path.of("ci/gitlab/gpu-reproduction.gitlab-ci.yml").toFile());
        assertThat(texts(root.get("stages"))).containsExactly("shard", "merge");
        JsonNode shard = root.get("shard");
        assertThat(shard.get("parallel").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(texts(shard.get("script"))).singleElement().asString()
                .startsWith("ci/gpu-verify.sh --shard \"$CI_NODE_INDEX/$CI_NODE_TOTAL\"");
        JsonNode merge = root.get("merge");
        assertThat(texts(merge.get("needs"))).containsExactly("shard");
        assertThat(texts(merge.get("script"))).singleElement().asString()
                .isEqualTo("ci/gpu-verify.sh --merge --out merged shard-results/*");
        assertThat(texts(merge.get("artifacts").get("paths"))).contains("merged/reproducibility-report.md",
                "merged/allure-report/");
    }

    record Run(int code, String out, String err) {
    }

    private static Run script(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "ci/gpu-verify.sh"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("FER_"));
        pb.environment().putAll(env);
        Path err = Files.createTempFile("gpu-verify", ".err");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        return new Run(p.waitFor(), out, Files.readString(err));
    }

    @Test
    void aCpuShardChecksNoGpuBuildsAndRunsItsShardLeavingTheResultsInItsFolder(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("mvn.log");
        Path stub = dir.resolve("mvn");
        Files.writeString(stub, "#!/bin/sh\necho \"$@\" >> " + log + "\n");
        stub.toFile().setExecutable(true);
        Run r = script(Map.of("MVN", stub.toString()), "--cpu", "--shard", "2/3", "--protocol", "smoke", "--out",
                dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        String out = dir.resolve("out").toString();
        assertThat(r.out().lines().filter(l -> l.startsWith("== "))).containsExactly("== CPU mode: no GPU check",
                "== build (CPU backend)", "== no FER_DATA_<DATASET> set: the embedded dataset only",
                "== run shard 2/3, protocol smoke, results in " + out);
        assertThat(Files.readAllLines(log)).containsExactly("-B -q package -DskipTests",
                "-B -q verify -Dfer.protocol=smoke -Dfer.shard=2/3 -Dfer.results=" + out
                        + " -Dallure.results.directory=" + out + "/allure-results -Dmaven.test.failure.ignore=true");
    }

    @Test
    void aGpuShardChecksTheGpuAndVerifiesTheConfiguredDatasetsFirst() throws Exception {
        Run r = script(Map.of("FER_DATA_JAFFE", "/data/jaffe"), "--dry-run", "--shard", "1/4");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("+ "))).containsExactly(
                "+ nvidia-smi --query-gpu=name,compute_cap,memory.total --format=csv",
                "+ mvn -B -q package -DskipTests -Pcuda", "+ target/fer gpu", "+ target/fer datasets verify",
                "+ mvn -B -q verify -Pcuda -Dfer.protocol=paper -Dfer.shard=1/4 -Dfer.results=shard-1-of-4 "
                        + "-Dallure.results.directory=shard-1-of-4/allure-results -Dmaven.test.failure.ignore=true");
    }

    @Test
    void theMergeModeMergesAndRendersTheAllureReport() throws Exception {
        Run r = script(Map.of(), "--dry-run", "--merge", "--out", "m", "a", "b");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("+ "))).containsExactly(
                "+ mvn -B -q package -DskipTests", "+ target/fer merge a b --out m --ledger reports/ledger.jsonl",
                "+ rm -rf target/allure-results", "+ cp -r m/allure-results target/allure-results",
                "+ mvn -B -q allure:report", "+ cp -r target/site/allure-maven-plugin m/allure-report");
    }

    @Test
    void badArgumentsAreAUsageError() throws Exception {
        for (String[] args : new String[][] {{"--shard", "4/3"}, {"--shard", "two"}, {}, {"--bogus"}, {"--merge"}}) {
            Run r = script(Map.of(), args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains("usage: ci/gpu-verify.sh");
        }
    }
}
