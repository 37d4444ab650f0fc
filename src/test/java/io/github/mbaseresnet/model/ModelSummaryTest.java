package io.github.mbaseresnet.model;

import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.support.Dl4jTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parameter counts against the closed form, and multiply-adds against hand arithmetic.
 *
 * <p>Closed form, with conv(k, a, b) = k²·a·b (no bias), bn(c) = 4c (γ, β and the running mean and variance, which
 * DL4J stores as parameters) and se(c, ρ) = (c·ρ + ρ) + (ρ·c + c) for an FC pair C → ρ → C with biases:
 * <pre>
 *   stem        conv(3, 1, w₁) + bn(w₁)
 *   block a→b   conv(3, a, b) + bn(b) + conv(3, b, b) + bn(b)
 *               + se(b, ρ_b)                       SE and MBA-SE only
 *               + conv(1, a, b) + bn(b)            residual variants, when a ≠ b or stride 2 (projection)
 *               + se(b, ρ_b)                       MBA-SE only (the adaptive shortcut's own FC pair)
 *   fusion      conv(3, F, w_B) + bn(w_B)          F = Σ w_b with fusion, w_B without (CNN)
 *   head        w_B·K (eq. 12, no bias)  |  w_B·K + K (softmax)
 * </pre>
 * with ρ_b = max(w_b / r, floor).
 */
class ModelSummaryTest extends Dl4jTestBase {

    private static long conv(int k, long a, long b) {
        return (long) k * k * a * b;
    }

    private static long bn(long c) {
        return 4 * c;
    }

    private static long se(long c, long rho) {
        return c * rho + rho + rho * c + c;
    }

    static long closedForm(NetworkConfig cfg) {
        Variant v = cfg.variant();
        List<Integer> w = cfg.branchWidths();
        long total = conv(3, cfg.inputChannels(), w.get(0)) + bn(w.get(0));
        long in = w.get(0);
        for (int width : w) {
            long rho = cfg.reducedChannels(width);
            for (int k = 0; k < cfg.blocksPerBranch(); k++) {
                boolean reshapes = k == 0; // the first block of a branch has stride 2
                total += conv(3, in, width) + bn(width) + conv(3, width, width) + bn(width);
                if (v.squeezeExcitation()) {
                    total += se(width, rho);
                }
                if (v.shortcut() != Shortcut.NONE && reshapes) {
                    total += conv(1, in, width) + bn(width);
                }
                if (v.shortcut() == Shortcut.ADAPTIVE) {
                    total += se(width, rho);
                }
                in = width;
            }
        }
        long last = w.get(w.size() - 1);
        long fusedChannels = v.multiBranchFusion() ? w.stream().mapToLong(Integer::longValue).sum() : last;
        total += conv(3, fusedChannels, last) + bn(last);
        total += last * cfg.classes() + (cfg.loss().kind() == LossKind.SOFTMAX ? cfg.classes() : 0);
        return total;
    }

    private static NetworkConfig config(Variant v, LossKind loss, List<Integer> widths, int blocks, int r, int floor,
            int input) {
        return new NetworkConfig(v, new LossConfig(loss, 16, 0.35), input, 1, widths, blocks, r, floor, 6, 1);
    }

    @Test
    void tinyNetworkCountsWorkedByHand() {
        // widths 4/8, 1 block, r = 4 (floor 2), 3 classes, eq. 12 head:
        //   stem 9·1·4 + 16 = 52
        //   b1 (4→4, stride 2): convs 144 + 16 + 144 + 16 = 320, SE (ρ=2) 4·2+2 + 2·4+4 = 22, proj 16 + 16 = 32,
        //                       ASC 22                                         → 396 (SE-ResNet 374, CNN 320)
        //   b2 (4→8, stride 2): convs 288 + 32 + 576 + 32 = 928, SE (ρ=2) 8·2+2 + 2·8+8 = 42, proj 32 + 32 = 64,
        //                       ASC 42                                         → 1076 (SE-ResNet 1034, CNN 928)
        //   fusion conv 9·12·8 + 32 = 896 (CNN: 9·8·8 + 32 = 608), head 8·3 = 24
        NetworkConfig mba = new NetworkConfig(Variant.MBA_SE_RESNET, LossConfig.proposed(), 8, 1, List.of(4, 8), 1,
                4, 2, 3, 1);
        assertThat(ModelSummary.of(mba).params()).isEqualTo(52 + 396 + 1076 + 896 + 24).isEqualTo(2444);
        assertThat(ModelSummary.of(mba.withVariant(Variant.SE_RESNET)).params()).isEqualTo(2444 - 22 - 42);
        assertThat(ModelSummary.of(mba.withVariant(Variant.CNN_BASELINE)).params())
                .isEqualTo(52 + 320 + 928 + 608 + 24);
        assertThat(ModelSummary.of(mba.withLoss(LossConfig.softmax())).params()).isEqualTo(2444 + 3);
        // the adaptive shortcut's own share: its two FC pairs
        assertThat(ModelSummary.of(mba).params("_asc")).isEqualTo(22 + 42);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void everyVariantMatchesTheClosedFormAtThePaperAndReducedSizes(Variant v) {
        for (LossKind loss : LossKind.values()) {
            NetworkConfig paper = config(v, loss, NetworkConfig.PAPER_WIDTHS, 2, 16, 4, 64);
            NetworkConfig reduced = config(v, loss, List.of(16, 32, 64), 1, 16, 4, 64);
            assertThat(ModelSummary.of(paper).params()).as("%s %s paper", v, loss).isEqualTo(closedForm(paper));
            assertThat(ModelSummary.of(reduced).params()).as("%s %s reduced", v, loss)
                    .isEqualTo(closedForm(reduced));
        }
    }

    @Test
    void multiplyAddsOfTheTinyNetworkWorkedByHand() {
        // 8×8 input; b1 at 4×4, b2 at 2×2. Convs: stem 9·1·4·64 = 2304; b1 conv1 9·4·4·16 = 2304, conv2 2304,
        // proj 4·4·16 = 256; b2 conv1 9·4·8·4 = 1152, conv2 9·8·8·4 = 2304, proj 4·8·4 = 128;
        // fusion 9·12·8·4 = 3456. FC: SE b1 4·2+2·4 = 16, ASC b1 16, SE b2 8·2+2·8 = 32, ASC b2 32; head 8·3 = 24.
        // Channel scales: b1 two of 4·4·4 = 64, b2 two of 8·2·2 = 32.
        NetworkConfig mba = new NetworkConfig(Variant.MBA_SE_RESNET, LossConfig.proposed(), 8, 1, List.of(4, 8), 1,
                4, 2, 3, 1);
        long convs = 2304 + 2304 + 2304 + 256 + 1152 + 2304 + 128 + 3456;
        long fcs = 16 + 16 + 32 + 32 + 24;
        long scales = 64 + 64 + 32 + 32;
        ModelSummary s = ModelSummary.of(mba);
        assertThat(s.multiplyAdds()).isEqualTo(convs + fcs + scales);
        assertThat(s.multiplyAdds("_asc")).isEqualTo(16 + 32 + 64 + 32);
        assertThat(s.toText()).contains("b1_block1_asc_scale").contains("ChannelScaleVertex").contains("total");
    }

    @Test
    void theAdaptiveShortcutCostsLittleOverSeResNetAtThePaperSize() {
        NetworkConfig paper = config(Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN, NetworkConfig.PAPER_WIDTHS,
                2, 16, 4, 64);
        ModelSummary mba = ModelSummary.of(paper);
        ModelSummary se = ModelSummary.of(paper.withVariant(Variant.SE_RESNET));
        // "negligible overheads" (PAPER.md §1): measured here, not assumed; under 1% in parameters and MACs
        assertThat((double) mba.params() / se.params()).isBetween(1.0, 1.01);
        assertThat((double) mba.multiplyAdds() / se.multiplyAdds()).isBetween(1.0, 1.01);
        assertThat(ModelSummary.variantComparison(paper)).contains("MBA-SE-ResNet").contains("CNN (baseline)");
        System.out.println(ModelSummary.variantComparison(paper));
    }
}
