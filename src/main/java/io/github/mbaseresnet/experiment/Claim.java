package io.github.mbaseresnet.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.mbaseresnet.eval.PairedComparison;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A claim the paper makes about two of its rows, checked with paired comparisons over the same folds and seeds
 * (issue 6: "claims as tests, separate from values"), so that a regression in an ablation fails as a claim.
 *
 * @param id          stable name
 * @param statement   the claim in the paper's words, with its table
 * @param better      the row claimed to be better (variant and loss)
 * @param worse       the row it is compared with
 * @param kind        {@code every}: better on every measured dataset (mean paired difference > 0);
 *                    {@code average}: the mean of the per-dataset gains lies within tolerance of {@code value}
 * @param value       the paper's average gain (kind average)
 * @param tolerance   allowed |measured average gain − value| (kind average)
 * @param provenance  where the paper says it
 */
public record Claim(String id, String statement, Row better, Row worse, String kind, Double value, Double tolerance,
        String provenance) {

    /** One side of a claim. */
    public record Row(@JsonProperty("variant") Variant variant, @JsonProperty("loss") LossKind loss) {
    }

    /** The outcome: supported or not, and why, in words a report can print. */
    public record Verdict(boolean supported, String explanation) {
    }

    public Claim(@JsonProperty("id") String id, @JsonProperty("statement") String statement,
            @JsonProperty("better") Row better, @JsonProperty("worse") Row worse, @JsonProperty("kind") String kind,
            @JsonProperty("value") Double value, @JsonProperty("tolerance") Double tolerance,
            @JsonProperty("provenance") String provenance) {
        if (id == null || statement == null || better == null || worse == null || provenance == null) {
            throw new IllegalArgumentException("a claim needs id, statement, better, worse and provenance");
        }
        if (!"every".equals(kind) && !"average".equals(kind)) {
            throw new IllegalArgumentException("claim " + id + ": kind must be 'every' or 'average', got " + kind);
        }
        if ("average".equals(kind) && (value == null || tolerance == null || !(tolerance >= 0))) {
            throw new IllegalArgumentException("claim " + id + ": an 'average' claim needs value and tolerance >= 0");
        }
        this.id = id;
        this.statement = statement;
        this.better = better;
        this.worse = worse;
        this.kind = kind;
        this.value = value;
        this.tolerance = tolerance;
        this.provenance = provenance;
    }

    /** Judges the claim on the paired comparisons of the datasets that were measured (key: dataset). */
    public Verdict judge(Map<String, PairedComparison> byDataset) {
        if (byDataset.isEmpty()) {
            throw new IllegalArgumentException("claim " + id + " needs at least one measured dataset");
        }
        String detail = byDataset.entrySet().stream().map(e -> String.format(Locale.ROOT,
                "%s %+.2f [%+.2f, %+.2f]", e.getKey(), e.getValue().statistics().mean(), e.getValue().lowerBound(),
                e.getValue().upperBound())).collect(Collectors.joining("; "));
        if (kind.equals("every")) {
            boolean all = byDataset.values().stream().allMatch(c -> c.statistics().mean() > 0);
            return new Verdict(all, "paired gain (95% interval) per dataset: " + detail);
        }
        double average = byDataset.values().stream().mapToDouble(c -> c.statistics().mean()).average().orElseThrow();
        return new Verdict(Math.abs(average - value) <= tolerance, String.format(Locale.ROOT,
                "average paired gain %+.2f vs the paper's %+.2f ± %.2f; per dataset: %s", average, value, tolerance,
                detail));
    }
}
