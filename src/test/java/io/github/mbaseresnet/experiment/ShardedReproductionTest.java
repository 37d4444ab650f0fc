package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.report.Ledger;
import io.github.mbaseresnet.report.RunRecords;
import io.github.mbaseresnet.report.ShardManifest;
import io.github.mbaseresnet.report.ShardMerge;
import io.github.mbaseresnet.support.Dl4jTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8 on the embedded dataset: 3 shards merged give exactly the cells and numbers of one unsharded run, and a
 * run killed in its second fold resumes without retraining the first. A unit test, not an IT: the protocol is the
 * smallest that still has several units (smoke with 1 epoch, 3 folds, a two-branch 16/32 network on 32×32 crops), so
 * the 15 trainings take seconds each, and what is checked is the harness's bookkeeping (partition, fold store,
 * merge), which needs no accuracy worth reporting. Bit-identical folds on CPU make "exactly" testable.
 */
class ShardedReproductionTest extends Dl4jTestBase {
    static final List<ExperimentGrid.Configuration> CONFIGURATIONS = List.of(
            new ExperimentGrid.Configuration(DatasetId.SYNTHETIC, Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN),
            new ExperimentGrid.Configuration(DatasetId.SYNTHETIC, Variant.CNN_BASELINE, LossKind.SOFTMAX));

    @TempDir
    static Path dir;
    static DatasetSource.LoadedDataset synthetic;
    static Map<String, CellReport> unsharded = new LinkedHashMap<>();

    static HarnessSettings settings(Path results, String... extra) {
        Map<String, String> values = new HashMap<>(Map.of("fer.protocol", "smoke", "fer.epochs", "1",
                "fer.folds.limit", "0", "fer.folds.synthetic", "3", "fer.model.widths", "16,32", "fer.crop", "32",
                "fer.results", results.toString()));
        for (int i = 0; i < extra.length; i += 2) {
            values.put(extra[i], extra[i + 1]);
        }
        return HarnessSettings.of(values);
    }

    static String row(ExperimentGrid.Configuration c) {
        return c.variant().paperName();
    }

    @BeforeAll
    static void trainUnsharded() {
        HarnessSettings whole = settings(dir.resolve("whole"));
        synthetic = new DatasetSource(whole).load(DatasetId.SYNTHETIC).orElseThrow();
        for (var c : CONFIGURATIONS) {
            unsharded.put(c.key(), new Reproduction(whole, line -> { }).measure("Embedded dataset", row(c),
                    c.variant(), c.loss(), synthetic));
        }
    }

    @Test
    void threeShardsMergedGiveExactlyTheCellsAndNumbersOfOneUnshardedRun() {
        Map<ExperimentGrid.Configuration, ExperimentGrid.Size> sizes = new LinkedHashMap<>();
        CONFIGURATIONS.forEach(c -> sizes.put(c, ExperimentGrid.sizeOf(settings(dir), synthetic)));
        ExperimentGrid grid = ExperimentGrid.of(sizes, 3);
        List<Path> shards = new ArrayList<>();
        List<String> trained = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path results = dir.resolve("shard-" + i);
            HarnessSettings s = settings(results, "fer.shard", i + "/3");
            ShardManifest.of(s, grid, Map.of("synthetic", synthetic.manifestSha256())).write(results);
            for (var c : CONFIGURATIONS) {
                var share = grid.share(c.key(), s.shard());
                if (!share.isEmpty()) {
                    CellReport part = new Reproduction(s, epochsOf(trained, "shard " + i)).measure("Embedded dataset",
                            row(c), c.variant(), c.loss(), synthetic, share);
                    assertThat(part.verdict()).isEqualTo(Verdict.PARTIAL); // 3 folds over 3 shards: every cell split
                    new RunRecords(results).write(part);
                }
            }
            shards.add(results);
        }
        assertThat(trained).hasSize(6); // each of the 2 × 3 units once, in one of the shards

        ShardMerge.Result merged = new ShardMerge(Path.of("expected-results")).merge(shards, dir.resolve("merged"),
                new Ledger(dir.resolve("merged/ledger.jsonl")), Instant.now());
        assertThat(merged.missing()).isEmpty();
        assertThat(merged.merged()).extracting(CellReport::configuration)
                .containsExactlyInAnyOrderElementsOf(unsharded.keySet());
        for (CellReport m : merged.merged()) {
            CellReport whole = unsharded.get(m.configuration());
            assertThat(numbers(m)).isEqualTo(numbers(whole));
            assertThat(m.statistics()).isEqualTo(whole.statistics());
            assertThat(m.measurement().confusion()).isEqualTo(whole.measurement().confusion());
            assertThat(m.verdict()).isEqualTo(Verdict.NOT_COMPARED); // no calibration for smoke-custom
        }
    }

    @Test
    void aRunKilledInItsSecondFoldResumesFromTheFirstAndEndsWithTheUnkilledNumbers() throws Exception {
        var c = CONFIGURATIONS.get(0);
        HarnessSettings s = settings(dir.resolve("killed"));
        List<String> trained = new ArrayList<>();
        Consumer<String> killInFold2 = epochsOf(trained, "first").andThen(line -> {
            if (line.contains("fold 2/3") && line.contains("epoch 1:")) {
                throw new IllegalStateException("killed");
            }
        });
        assertThatThrownBy(() -> new Reproduction(s, killInFold2).measure("Embedded dataset", row(c), c.variant(),
                c.loss(), synthetic)).hasMessage("killed");
        List<String> log = new ArrayList<>();
        CellReport resumed = new Reproduction(s, epochsOf(trained, "rerun").andThen(log::add)).measure(
                "Embedded dataset", row(c), c.variant(), c.loss(), synthetic);
        assertThat(trained).extracting(t -> t.replaceAll(" \\(test .*", "")).containsExactly(
                "first: MBA-SE-ResNet run 1/1 fold 1/3", "first: MBA-SE-ResNet run 1/1 fold 2/3",
                "rerun: MBA-SE-ResNet run 1/1 fold 2/3", "rerun: MBA-SE-ResNet run 1/1 fold 3/3");
        assertThat(log).anyMatch(l -> l.startsWith("reusing the completed run 1 fold 1 from "));
        assertThat(numbers(resumed)).isEqualTo(numbers(unsharded.get(c.key())));
        assertThat(resumed.statistics()).isEqualTo(unsharded.get(c.key()).statistics());

        // a stored fold of another commit, environment or setting is retrained, and so is a file that does not parse
        Path store = dir.resolve("killed/folds/" + c.key().replace('/', '-'));
        List<String> why = new ArrayList<>();
        FoldStore stranger = new FoldStore(store, new FoldStore.Identity("other", Map.of(), "smoke-custom", "s", "x"),
                true, why::add);
        assertThat(stranger.completed(0, 0)).isEmpty();
        assertThat(why).singleElement().asString().contains("run-01-fold-01.json was trained with another commit (")
                .contains(", now other), environment (").contains("result-changing setting, dataset copy (manifest ")
                .endsWith(", now x): retraining");
        java.nio.file.Files.writeString(dir.resolve("killed/run-00-fold-00.json"), "{");
        why.clear();
        assertThat(new FoldStore(dir.resolve("killed"), null, true, why::add).completed(-1, -1)).isEmpty();
        assertThat(why).singleElement().asString().contains("does not parse").endsWith("retraining");
    }

    /** A log that records "<who>: <fold>" for every trained epoch. */
    private static Consumer<String> epochsOf(List<String> trained, String who) {
        return line -> {
            if (line.contains(" epoch 1:")) {
                trained.add(who + ": " + line.substring(0, line.indexOf(" epoch 1:")));
            }
        };
    }

    /** Everything a fold measured but its wall time: subjects, seeds, confusion, per-epoch loss and accuracy. */
    private static List<String> numbers(CellReport r) {
        return r.measurement().folds().stream().map(f -> f.run() + "/" + f.fold() + " " + new java.util.TreeSet<>(
                f.testSubjects()) + " " + f.trainImages() + " " + f.networkSeed() + " " + f.dataSeed() + " "
                + f.accuracyPercent() + " " + f.outcome().epochs().stream().map(e -> e.trainLoss() + ":"
                + e.testAccuracy()).toList()).toList();
    }
}
