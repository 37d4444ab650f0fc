package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.eval.ConfusionMatrix;
import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.train.EpochMetrics;
import io.github.mbaseresnet.train.FoldOutcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RunRecordCheckTest {
    private static final String HASH = "ab".repeat(32);

    private static FoldResult fold(int run, int fold, String subject, int epochs) {
        ConfusionMatrix cm = ConfusionMatrix.empty(ClassSet.SIX_BASIC).plus(0, 0).plus(1, 2);
        List<EpochMetrics> metrics = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            metrics.add(new EpochMetrics(e, 1.0, 50, 10));
        }
        return new FoldResult(run, fold, Set.of(subject), 10, 1, 2, new FoldOutcome(cm, metrics, 1.0));
    }

    private static CellReport report(List<FoldResult> folds, int runs, String hash) {
        return report(folds, runs, hash, Map.of("a.png", "none", "b.png", "opencv-eyes", "c.png", "ckplus-68",
                "d.png", "none"));
    }

    private static CellReport report(List<FoldResult> folds, int runs, String hash, Map<String, String> sources) {
        CellMeasurement m = new CellMeasurement(folds, runs, 2);
        NetworkConfig net = new NetworkConfig(Variant.MBA_SE_RESNET, LossConfig.proposed(), 64, 1, List.of(16, 32),
                1, 16, 4, 6, 1);
        return new CellReport("T", "row", null, "smoke", net, null, "centre", sources, 42, "synthetic", "/x", 4, 2, hash,
                "ok", m, m.statistics(), Verdict.NOT_COMPARED, Map.of("git.commit", "abc"));
    }

    @Test
    void aCompleteRecordHasNoProblems() {
        var r = report(List.of(fold(0, 0, "S1", 3), fold(0, 1, "S2", 3)), 1, HASH);
        assertThat(RunRecordCheck.problems(r, 1, 2, 3)).isEmpty();
    }

    @Test
    void missingOrRepeatedFoldsSharedSubjectsShortTrainingsAndNoHashAreEachNamed() {
        var r = report(List.of(fold(0, 0, "S1", 3), fold(0, 0, "S1", 2)), 1, "not-a-hash");
        assertThat(RunRecordCheck.problems(r, 1, 3, 3)).containsExactly(
                "run 1 has fold 1 twice",
                "run 1: subject S1 is in two test folds",
                "run 1 fold 1 has 2 epochs, expected 3",
                "run 1 has 2 folds, expected 3",
                "no dataset manifest hash recorded");
        assertThat(RunRecordCheck.problems(report(List.of(fold(0, 0, "S1", 3), fold(0, 1, "S2", 3)), 1, HASH), 2,
                2, 3)).contains("1 runs recorded, expected 2");
        assertThat(RunRecordCheck.problems(report(List.of(fold(0, 0, "S1", 3), fold(0, 1, "S2", 3)), 1, HASH,
                Map.of("a.png", "none")), 1, 2, 3))
                .containsExactly("1 images have a landmark source recorded, expected all 4 (issue 5)");
    }
}
