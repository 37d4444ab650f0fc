package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExperimentGridTest {
    static final ExperimentGrid.Configuration A = new ExperimentGrid.Configuration(DatasetId.JAFFE,
            Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN);
    static final ExperimentGrid.Configuration B = new ExperimentGrid.Configuration(DatasetId.SYNTHETIC,
            Variant.CNN_BASELINE, LossKind.SOFTMAX);

    @Test
    void theShardSettingIsIOfNAndGivesEachShardItsOwnResultsFolder() {
        assertThat(Shard.parse(" 2/8 ")).isEqualTo(new Shard(2, 8));
        for (String bad : List.of("0/3", "4/3", "2", "a/b", "1/0")) {
            assertThatThrownBy(() -> Shard.parse(bad)).hasMessageContaining("fer.shard=");
        }
        HarnessSettings sharded = HarnessSettings.of(Map.of("fer.shard", "2/3"));
        assertThat(sharded.shard()).isEqualTo(new Shard(2, 3));
        assertThat(sharded.resultsDir()).isEqualTo(Path.of("target/fer-results/shard-2-of-3"));
        assertThat(HarnessSettings.of(Map.of()).shard()).isEqualTo(Shard.WHOLE);
        assertThat(sharded.protocol().name()).isEqualTo("reduced"); // sharding does not change what is trained
    }

    @Test
    void unitsGoLongestFirstToTheLeastLoadedShard() {
        // A: 100 images × 2 epochs = cost 200 per fold, 3 folds; B: 50 × 2 = 100, 2 folds.
        // A1 → s1 (200), A2 → s2 (200), A3 → s1 (400), B1 → s2 (300), B2 → s2 (400)
        Map<ExperimentGrid.Configuration, ExperimentGrid.Size> sizes = new LinkedHashMap<>();
        sizes.put(B, new ExperimentGrid.Size(50, 1, 2, 2));
        sizes.put(A, new ExperimentGrid.Size(100, 1, 3, 2));
        ExperimentGrid grid = ExperimentGrid.of(sizes, 2);
        assertThat(grid.units()).extracting(u -> u.describe() + " → " + u.shard()).containsExactly(
                A.key() + " run 1 fold 1 → 1", A.key() + " run 1 fold 2 → 2", A.key() + " run 1 fold 3 → 1",
                B.key() + " run 1 fold 1 → 2", B.key() + " run 1 fold 2 → 2");
        assertThat(grid.balance()).containsExactly("1/2: 2 units, cost 400", "2/2: 3 units, cost 400");
        assertThat(grid.share(A.key(), new Shard(1, 2))).isEqualTo(new ExperimentGrid.Share(
                Set.of(List.of(0, 0), List.of(0, 2)), false));
        assertThat(grid.share(B.key(), new Shard(2, 2)).complete()).isTrue();
        assertThat(grid.share(B.key(), new Shard(1, 2)).isEmpty()).isTrue();
        assertThat(ExperimentGrid.of(sizes, 2)).isEqualTo(grid); // every runner computes the same partition
        assertThat(CostEstimate.of(grid, new Shard(2, 2), 2).describe())
                .isEqualTo("3 trainings (configuration × run × fold) of 2 epochs, 400 image-epochs");
        assertThat(CostEstimate.of(grid, new Shard(2, 2), 2).wallTime(0.1)).startsWith("estimated wall time 1.1 h");
    }

    @Test
    void theGridHoldsEveryConfigurationOfEveryTableOnceOnTheAvailableDatasets() {
        assertThat(ExperimentGrid.configurations(Path.of("expected-results"), "smoke",
                d -> d == DatasetId.SYNTHETIC)).extracting(ExperimentGrid.Configuration::key).containsExactly(
                "synthetic/MBA_SE_RESNET/EXP_COSINE_MARGIN", "synthetic/CNN_BASELINE/SOFTMAX");
        // JAFFE: Table 2's MBA-SE-ResNet, trained once although Table 4's matrix is judged on it too (the
        // ablations of Tables 5 and 6 leave JAFFE out)
        assertThat(ExperimentGrid.configurations(Path.of("expected-results"), "paper", d -> d == DatasetId.JAFFE))
                .extracting(ExperimentGrid.Configuration::key).containsExactly("jaffe/MBA_SE_RESNET/EXP_COSINE_MARGIN");
    }
}
