package io.github.mbaseresnet.reproduction;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.jaffe.JaffeFixture;
import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.DatasetSource;
import io.github.mbaseresnet.experiment.ExpectedResults;
import io.github.mbaseresnet.experiment.FoldResult;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.experiment.Reproduction;
import io.github.mbaseresnet.report.RunRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Table 2 path on a folder in JAFFE's real layout and encodings (synthetic faces, never real ones): read, lock
 * check, six-class filter, leave-one-poser-out folds, training, run record.
 */
class JaffeEndToEndTest {
    @TempDir
    static Path dir;
    static Path jaffe;

    @BeforeAll
    static void writeFixture() {
        jaffe = JaffeFixture.writeFaces(dir.resolve("jaffe"));
    }

    private static HarnessSettings settings(String... extra) {
        Map<String, String> values = new HashMap<>(Map.of("fer.data.jaffe", jaffe.toString(), "fer.protocol", "smoke",
                "fer.epochs", "1", "fer.folds.limit", "2", "fer.results", dir.resolve("results").toString()));
        for (int i = 0; i < extra.length; i += 2) {
            values.put(extra[i], extra[i + 1]);
        }
        return HarnessSettings.of(values);
    }

    @Test
    void aCopyThatDiffersFromTheLockIsRefusedUnlessAllowed() {
        // same names and counts as the real set, other bytes: only the manifest hash differs
        assertThatThrownBy(() -> new DatasetSource(settings()).load(DatasetId.JAFFE))
                .isInstanceOf(DatasetException.class).hasMessageContaining(jaffe.toString())
                .hasMessageContaining("differs from datasets.lock").hasMessageContaining("manifest")
                .hasMessageContaining("fer.lock.enforce=false");
        var loaded = new DatasetSource(settings("fer.lock.enforce", "false")).load(DatasetId.JAFFE).orElseThrow();
        assertThat(loaded.samples()).hasSize(213);
        assertThat(loaded.lockCheck().mismatches()).hasSize(1)
                .allSatisfy(m -> assertThat(m.field()).contains("manifest"));
    }

    @Test
    void table2RunsLeaveOnePoserOutAndWritesACompleteRunRecord() throws Exception {
        HarnessSettings s = settings("fer.lock.enforce", "false");
        var loaded = new DatasetSource(s).load(DatasetId.JAFFE).orElseThrow();
        var cell = ExpectedResults.load(Path.of("expected-results/table2-jaffe.yaml")).reproducedCells("smoke")
                .get(0);
        CellReport report = new Reproduction(s, line -> { }).run("Table 2", cell, loaded);

        assertThat(report.images()).isEqualTo(183); // 213 minus 30 neutral
        assertThat(report.subjects()).isEqualTo(10);
        assertThat(report.measurement().foldsPerRun()).isEqualTo(10);
        assertThat(report.measurement().folds()).hasSize(2).allSatisfy(f -> assertThat(f.testSubjects()).hasSize(1));
        int tested = report.measurement().folds().stream()
                .mapToInt(f -> (int) f.outcome().confusion().total()).sum();
        int trained = report.measurement().folds().stream().mapToInt(FoldResult::trainImages).sum();
        assertThat(tested + trained).isEqualTo(2 * 183);
        assertThat(report.lockStatus()).startsWith("DIFFERS");
        // JAFFE ships no landmarks: each face is detected or takes the centre-crop fallback; the record counts each
        // source and names every image's
        assertThat(report.alignment()).contains("centre-crop(0.7)").contains("landmarks opencv(");
        assertThat(report.landmarkSources()).hasSize(183).containsKey("KA.AN1.1.tiff");
        Map<String, Integer> counted = new java.util.TreeMap<>();
        report.landmarkSources().values().forEach(source -> counted.merge(source, 1, Integer::sum));
        assertThat(report.alignment()).endsWith("aligned by " + counted);
        System.out.println("JAFFE-layout fixture (synthetic faces): aligned by " + counted);

        Path record = new RunRecords(s.resultsDir()).write(report);
        var json = new ObjectMapper().readTree(record.toFile());
        assertThat(json.get("expected").get("value").asDouble()).isEqualTo(96.16);
        assertThat(json.get("manifestSha256").asText()).hasSize(64);
        assertThat(json.get("measurement").get("folds")).hasSize(2);
        assertThat(json.get("environment").get("dl4j.version").asText()).isEqualTo("1.0.0-M2.1");
    }

    @Test
    void moreFoldsThanSubjectsNamesTheSettingToChange() {
        HarnessSettings s = settings("fer.lock.enforce", "false", "fer.folds.jaffe", "11");
        var loaded = new DatasetSource(s).load(DatasetId.JAFFE).orElseThrow();
        assertThatThrownBy(() -> new Reproduction(s, line -> { }).measure("Table 2", "MBA-SE-ResNet",
                io.github.mbaseresnet.model.Variant.MBA_SE_RESNET,
                io.github.mbaseresnet.loss.LossKind.EXP_COSINE_MARGIN, loaded))
                .hasMessageContaining("has 10 subjects, fewer than the 11 subject-independent folds")
                .hasMessageContaining("set fer.folds.jaffe to at most 10");
    }

    @Test
    void aMissingDatasetIsReportedWithThePropertyAndWhereToGetIt() {
        assertThat(new DatasetSource(HarnessSettings.of(Map.of())).load(DatasetId.JAFFE)).isEmpty();
        assertThat(DatasetSource.missingMessage(DatasetId.JAFFE)).contains("-Dfer.data.jaffe=<folder>")
                .contains("FER_DATA_JAFFE").contains("zenodo.3451524");
    }
}
