package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.eval.PairedComparison;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Claims judged on constructed paired differences, with exact expected verdicts. */
class ClaimTest {
    private static final Claim.Row MBA = new Claim.Row(Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN);

    /** A comparison whose per-fold differences are exactly {@code diffs}. */
    private static PairedComparison diffs(double... diffs) {
        var better = IntStream.range(0, diffs.length).mapToObj(i -> new PairedComparison.Fold(0, i, Set.of("S" + i),
                50 + diffs[i])).toList();
        var worse = IntStream.range(0, diffs.length).mapToObj(i -> new PairedComparison.Fold(0, i, Set.of("S" + i),
                50.0)).toList();
        return PairedComparison.of(better, worse);
    }

    private static Claim every() {
        return new Claim("c", "better everywhere", MBA, new Claim.Row(Variant.SE_RESNET, LossKind.EXP_COSINE_MARGIN),
                "every", null, null, "Table 5");
    }

    private static Claim average() {
        return new Claim("g", "about 4 points", MBA, new Claim.Row(Variant.MBA_SE_RESNET, LossKind.SOFTMAX),
                "average", 4.21, 3.0, "Table 6");
    }

    @Test
    void everyHoldsOnlyWhenTheMeanPairedGainIsPositiveOnEachDataset() {
        assertThat(every().judge(Map.of("CK+", diffs(1, 2, 3), "MMI", diffs(0.5, -0.1))).supported()).isTrue();
        Claim.Verdict failed = every().judge(Map.of("CK+", diffs(1, 2, 3), "MMI", diffs(-1, 0.5)));
        assertThat(failed.supported()).isFalse();
        assertThat(failed.explanation()).contains("MMI -0.25");
    }

    @Test
    void averageHoldsWhenTheMeanOfTheDatasetGainsIsWithinTolerance() {
        // gains 2 and 4 → average 3.00, |3.00 − 4.21| = 1.21 ≤ 3
        Claim.Verdict ok = average().judge(Map.of("CK+", diffs(1, 3), "MMI", diffs(4, 4)));
        assertThat(ok.supported()).isTrue();
        assertThat(ok.explanation()).startsWith("average paired gain +3.00 vs the paper's +4.21 ± 3.00");
        // gains 1 and 1 → average 1.00, |1.00 − 4.21| = 3.21 > 3: the loss no longer helps as claimed
        assertThat(average().judge(Map.of("CK+", diffs(1, 1), "MMI", diffs(1))).supported()).isFalse();
        // a larger gain than the paper's also has to stay within the tolerance: 7.0 does (2.79), 7.5 does not (3.29)
        assertThat(average().judge(Map.of("CK+", diffs(7.0))).supported()).isTrue();
        assertThat(average().judge(Map.of("CK+", diffs(7.5))).supported()).isFalse();
    }

    @Test
    void badClaimsAreRefusedNamingTheClaim() {
        assertThatThrownBy(() -> new Claim("x", "s", MBA, MBA, "most", null, null, "p"))
                .hasMessageContaining("claim x").hasMessageContaining("'every' or 'average'");
        assertThatThrownBy(() -> new Claim("y", "s", MBA, MBA, "average", 4.0, null, "p"))
                .hasMessageContaining("claim y").hasMessageContaining("value and tolerance");
        assertThatThrownBy(() -> every().judge(Map.of())).hasMessageContaining("at least one measured dataset");
    }

    @Test
    void tables5And6CarryTheirClaims() {
        assertThat(ExpectedResults.load(Path.of("expected-results/table5-se-resnet-ablation.yaml")).claims())
                .extracting(Claim::kind).containsExactly("every");
        List<Claim> t6 = ExpectedResults.load(Path.of("expected-results/table6-softmax-ablation.yaml")).claims();
        assertThat(t6).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualTo(4.21);
            assertThat(c.worse().loss()).isEqualTo(LossKind.SOFTMAX);
        });
    }
}
