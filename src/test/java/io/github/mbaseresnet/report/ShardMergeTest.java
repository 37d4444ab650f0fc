package io.github.mbaseresnet.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.experiment.CellMeasurement;
import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.ExperimentGrid;
import io.github.mbaseresnet.experiment.Verdict;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code fer merge} on hand-built shard folders: one configuration (synthetic MBA-SE-ResNet, smoke, 2 folds), fold 1
 * in shard 1/2 and fold 2 in shard 2/2 (the grid's own assignment), each shard holding its partial run record.
 */
class ShardMergeTest {
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    static final ExperimentGrid GRID = ExperimentGrid.of(Map.of(new ExperimentGrid.Configuration(DatasetId.SYNTHETIC,
            Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN), new ExperimentGrid.Size(40, 1, 2, 1)), 2);
    /** Folds 40 and 50 (4 and 5 of 10 right): mean 45, within 41.67 ± 14 (synthetic.yaml, smoke). */
    static final CellReport WHOLE = RunRecordFixture.judged(RunRecordFixture.cell("Embedded dataset",
            "MBA-SE-ResNet", "synthetic", Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN, "abc", 4, 5), 41.67, 14);

    static ShardManifest manifest(int index, String tree, String protocol, String manifestSha) {
        return new ShardManifest(index + "/2", tree, protocol, "settings", 42, Map.of("synthetic", manifestSha),
                GRID.units());
    }

    /** A shard folder: its manifest, its fold's partial record and a skipped "partial" Allure result. */
    static Path shard(Path root, int index, ShardManifest manifest) throws Exception {
        Path dir = root.resolve("shard-" + index);
        manifest.write(dir);
        CellMeasurement m = WHOLE.measurement();
        new RunRecords(dir).write(RunRecordFixture.partial(WHOLE.withMeasurement(new CellMeasurement(
                m.folds().subList(index - 1, index), m.runs(), m.foldsPerRun()))));
        Files.createDirectories(dir.resolve("allure-results"));
        Files.writeString(dir.resolve("allure-results/uuid" + index + "-result.json"), """
                {"uuid": "uuid%d", "name": "Embedded dataset · Synthetic (embedded) · MBA-SE-ResNet",
                 "status": "skipped", "statusDetails": {"message": "partial (shard %d/2): other shards train folds"},
                 "labels": [{"name": "epic", "value": "Embedded dataset"},
                            {"name": "feature", "value": "Synthetic (embedded)"},
                            {"name": "story", "value": "MBA-SE-ResNet"}]}
                """.formatted(index, index));
        return dir;
    }

    static ShardMerge.Result merge(Path out, Path... shards) {
        return new ShardMerge(Path.of("expected-results")).merge(List.of(shards), out,
                new Ledger(out.resolve("ledger.jsonl")), NOW);
    }

    @Test
    void twoShardsMergeIntoTheWholeCellJudgedOnceWithOneLedgerLineAndOneAllureResult(@TempDir Path dir)
            throws Exception {
        Path a = shard(dir, 1, manifest(1, "abc", "smoke", RunRecordFixture.MANIFEST));
        Path b = shard(dir, 2, manifest(2, "abc", "smoke", RunRecordFixture.MANIFEST));
        Path out = dir.resolve("merged");
        ShardMerge.Result result = merge(out, a, b);
        assertThat(result.missing()).isEmpty();
        assertThat(result.merged()).hasSize(1);
        CellReport merged = result.merged().get(0);
        assertThat(merged.measurement()).isEqualTo(WHOLE.measurement());
        assertThat(merged.statistics()).isEqualTo(WHOLE.statistics());
        assertThat(merged.verdict()).isEqualTo(Verdict.PASS);
        assertThat(new RunRecords(out).readAll()).containsExactly(merged);
        assertThat(new Ledger(out.resolve("ledger.jsonl")).read()).singleElement()
                .satisfies(e -> assertThat(e.foldAccuracies()).containsExactly(40.0, 50.0));
        assertThat(result.summary().lines().filter(l -> l.contains("45.00 ± 7.07")).map(l -> l.replaceAll(" +", " ")))
                .containsExactly("| Embedded dataset | MBA-SE-ResNet | Synthetic (embedded) | 41.67 | 45.00 ± 7.07 "
                        + "| ±14.00 | PASS |");
        try (var files = Files.list(out.resolve("allure-results"))) {
            var results = files.toList();
            assertThat(results).hasSize(1); // the two shards' partial results become one judged result
            var json = new ObjectMapper().readTree(results.get(0).toFile());
            assertThat(json.get("status").asText()).isEqualTo("passed");
            assertThat(json.get("statusDetails").get("message").asText())
                    .isEqualTo("PASS (merged from 2 shards): measured 45.00 ± 7.07, expected 41.67 ±14.00");
        }
        assertThat(out.resolve("reproducibility-report.md")).isNotEmptyFile();

        merge(out, a, b); // the same merge again: the ledger does not count one measurement twice
        assertThat(new Ledger(out.resolve("ledger.jsonl")).read()).hasSize(1);
    }

    @Test
    void aMissingShardIsNamedWithItsUnitsAndItsCellIsNotCounted(@TempDir Path dir) throws Exception {
        Path a = shard(dir, 1, manifest(1, "abc", "smoke", RunRecordFixture.MANIFEST));
        ShardMerge.Result result = merge(dir.resolve("merged"), a);
        assertThat(result.merged()).isEmpty();
        assertThat(result.missing()).containsExactly("shard 2/2 was not given",
                "synthetic/MBA_SE_RESNET/EXP_COSINE_MARGIN run 1 fold 2 (shard 2/2)");
        assertThat(new Ledger(dir.resolve("merged/ledger.jsonl")).read()).isEmpty();
    }

    @Test
    void shardsOfAnotherCommitProtocolOrDatasetAreRefusedNamingTheFolderAndTheValue(@TempDir Path dir)
            throws Exception {
        Path a = shard(dir.resolve("1"), 1, manifest(1, "abc", "smoke", RunRecordFixture.MANIFEST));
        Path commit = shard(dir.resolve("2"), 2, manifest(2, "def", "smoke", RunRecordFixture.MANIFEST));
        assertThatThrownBy(() -> merge(dir.resolve("m"), a, commit)).hasMessage("cannot merge: shard folder "
                + commit + " has commit (source tree) def, but shard folder " + a + " has abc");
        Path protocol = shard(dir.resolve("3"), 2, manifest(2, "abc", "reduced", RunRecordFixture.MANIFEST));
        assertThatThrownBy(() -> merge(dir.resolve("m"), a, protocol)).hasMessage("cannot merge: shard folder "
                + protocol + " has protocol reduced, but shard folder " + a + " has smoke");
        Path data = shard(dir.resolve("4"), 2, manifest(2, "abc", "smoke", "b".repeat(64)));
        assertThatThrownBy(() -> merge(dir.resolve("m"), a, data)).hasMessage("cannot merge: shard folder " + data
                + " has manifest hash of dataset synthetic " + "b".repeat(64) + ", but shard folder " + a + " has "
                + RunRecordFixture.MANIFEST);
        Path again = shard(dir.resolve("5"), 1, manifest(1, "abc", "smoke", RunRecordFixture.MANIFEST));
        assertThatThrownBy(() -> merge(dir.resolve("m"), a, again)).hasMessage("cannot merge: shard folders " + a
                + " and " + again + " are both shard 1/2");
        assertThatThrownBy(() -> merge(dir.resolve("m"), a, dir.resolve("n"))).hasMessageContaining(
                dir.resolve("n") + " is not a shard folder: it has no shard.json");
        assertThatThrownBy(() -> merge(a, a, again)).hasMessage("cannot merge into " + a + ": it is one of the shard "
                + "folders, whose records the merge would overwrite; use another --out");
        assertThatThrownBy(() -> merge(dir.resolve("m"), a, a.resolve("."))).hasMessage("cannot merge: shard folder "
                + a.resolve(".") + " is given twice");
        assertThat(dir.resolve("m/ledger.jsonl")).doesNotExist(); // nothing written by a refused merge
    }

    @Test
    void aFoldInAShardItWasNotAssignedToIsRefused(@TempDir Path dir) throws Exception {
        Path a = shard(dir, 1, manifest(1, "abc", "smoke", RunRecordFixture.MANIFEST));
        Path b = shard(dir, 2, manifest(2, "abc", "smoke", RunRecordFixture.MANIFEST));
        new RunRecords(b).write(RunRecordFixture.partial(WHOLE)); // shard 2 claims fold 1 as well
        assertThatThrownBy(() -> merge(dir.resolve("m"), a, b)).hasMessage("cannot merge: shard folder " + b
                + " (shard 2/2) holds synthetic/MBA_SE_RESNET/EXP_COSINE_MARGIN run 1 fold 1, which the grid "
                + "assigns to shard 1/2");
    }
}
