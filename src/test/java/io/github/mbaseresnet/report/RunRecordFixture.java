package io.github.mbaseresnet.report;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.eval.ConfusionMatrix;
import io.github.mbaseresnet.experiment.CellMeasurement;
import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.ExpectedCell;
import io.github.mbaseresnet.experiment.FoldResult;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.experiment.Verdict;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.train.EpochMetrics;
import io.github.mbaseresnet.train.FoldOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Run records built in code: each fold tests {@code total} images of which {@code correct} are right (on the
 * diagonal of class AN; the others predicted DI), so its accuracy is exactly {@code 100·correct/total}.
 */
public final class RunRecordFixture {
    public static final String MANIFEST = "a".repeat(64);
    private static final HarnessSettings SMOKE = HarnessSettings.of(Map.of("fer.protocol", "smoke"));

    private RunRecordFixture() {
    }

    /** One run; fold k tests subject "s{k}" and got {@code correct[k]} of 10 right. */
    public static CellReport cell(String table, String row, String dataset, Variant variant, LossKind loss,
            String commit, int... correct) {
        List<FoldResult> folds = new ArrayList<>();
        for (int k = 0; k < correct.length; k++) {
            long[][] counts = new long[6][6];
            counts[0][0] = correct[k];
            counts[0][1] = 10 - correct[k];
            folds.add(new FoldResult(0, k, Set.of("s" + k), 30, 42 + k, 542 + k, new FoldOutcome(
                    new ConfusionMatrix(ClassSet.SIX_BASIC, counts), List.of(new EpochMetrics(1, 1.5,
                    correct[k] * 10.0, 100)), 1.0)));
        }
        CellMeasurement m = new CellMeasurement(folds, 1, correct.length);
        return new CellReport(table, row, null, "smoke", SMOKE.network(variant, loss, 6, 42), SMOKE.training(),
                "centre-crop", everyImageCentreCropped(40), 42, dataset, "/data/" + dataset, 40, 4, MANIFEST, "matches datasets.lock", m,
                m.statistics(), Verdict.NOT_COMPARED, Map.of("git.commit", commit));
    }

    /** Each of {@code images} images aligned by the fallback: a run record names every image's landmark source. */
    private static Map<String, String> everyImageCentreCropped(int images) {
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= images; i++) {
            sources.put("img" + i + ".png", "none");
        }
        return sources;
    }

    public static CellReport judged(CellReport r, double value, double tolerance) {
        return r.judgedAgainst(r.table(), new ExpectedCell(r.dataset(), r.row(), r.network().variant(),
                r.network().loss().kind(), "smoke", value, tolerance, true, "test"));
    }

    /** {@code r} as a shard's partial share of its cell. */
    public static CellReport partial(CellReport r) {
        return new CellReport(r.table(), r.row(), r.expected(), r.protocol(), r.network(), r.training(),
                r.alignment(), r.landmarkSources(), r.seed(), r.dataset(), r.datasetRoot(), r.images(), r.subjects(), r.manifestSha256(),
                r.lockStatus(), r.measurement(), r.statistics(), Verdict.PARTIAL, r.environment());
    }
}
