package io.github.mbaseresnet.bench;

import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Shortcut;
import io.github.mbaseresnet.model.Variant;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark-only: MBA-SE-ResNet and its ablations in libtorch (JavaCPP PyTorch presets), built from the same
 * {@link NetworkConfig} as {@code model.MbaSeResNet} and op for op the same network: stem conv3×3–BN–ReLU, per branch
 * {@code blocksPerBranch} blocks (the first with stride 2) of conv3×3–BN–ReLU–conv3×3–BN, SE gate (GAP, FC C→ρ ReLU,
 * FC ρ→C sigmoid, channel scale), 1×1 conv–BN projection when width or stride change, the adaptive shortcut (its own
 * SE gate on the shortcut), sum, ReLU; fusion by average pooling to the last branch's size and concatenation;
 * conv3×3–BN–ReLU, GAP and the eq. 12 head (or FC + softmax). Convolutions have no bias (a BN follows), FC layers do.
 *
 * <p>Initial weights are drawn like DL4J's WeightInit.RELU (N(0, 2/fan-in)) and Xavier for the head, not the same
 * numbers: the network is here to be timed, not to reproduce DL4J's trajectory. {@link #parameterCount()} counts
 * the BN running mean and variance as DL4J does (libtorch keeps them as buffers), so it must equal
 * {@code ModelSummary.params()}.
 */
final class LibtorchNetwork {
    /** DL4J BatchNormalization's defaults: eps 1e-5, decay 0.9 (libtorch momentum 0.1). */
    private static final double BN_EPS = 1e-5;
    private static final double BN_MOMENTUM = 0.1;
    private static final double NORM_EPSILON = 1e-12;
    /** Batch norm on batch statistics, updating the running ones: the network is only ever trained here. */
    private static final boolean TRAINING = true;

    private final NetworkConfig cfg;
    private final List<Tensor> parameters = new ArrayList<>();
    private final List<Tensor> buffers = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();
    private final Head head;

    /** One step of the forward pass, reading and writing the list of named intermediate maps. */
    private interface Op {
        Tensor apply(List<Tensor> values);
    }

    LibtorchNetwork(NetworkConfig cfg) {
        this.cfg = cfg;
        torch.manual_seed(cfg.seed());
        int x = convBnRelu(0, cfg.inputChannels(), cfg.stemWidth(), 1);
        int channels = cfg.stemWidth();
        List<Integer> branchOutputs = new ArrayList<>();
        for (int b = 0; b < cfg.branches(); b++) {
            int width = cfg.branchWidths().get(b);
            for (int k = 0; k < cfg.blocksPerBranch(); k++) {
                x = block(x, channels, width, k == 0 ? 2 : 1, cfg.reducedChannels(width));
                channels = width;
            }
            branchOutputs.add(x);
        }
        int fusedChannels = channels;
        if (cfg.variant().multiBranchFusion()) {
            x = fuse(branchOutputs);
            fusedChannels = cfg.branchWidths().stream().mapToInt(Integer::intValue).sum();
        }
        x = convBnRelu(x, fusedChannels, cfg.fusionWidth(), 1);
        gap(x);
        head = head();
    }

    TensorVector parameters() {
        return new TensorVector(parameters.toArray(Tensor[]::new));
    }

    /** Trainable parameters plus the BN running statistics, DL4J's way of counting. */
    long parameterCount() {
        return parameters.stream().mapToLong(torch::numel).sum() + buffers.stream().mapToLong(torch::numel).sum();
    }

    /** The features after global average pooling, [N, fusionWidth]. */
    private Tensor features(Tensor input) {
        List<Tensor> values = new ArrayList<>();
        values.add(input);
        for (Op op : ops) {
            values.add(op.apply(values));
        }
        return values.get(values.size() - 1);
    }

    /**
     * The mean loss over the batch: eq. 12 (cos θ against the unit columns of W, {@code s·exp(cos − m·y)}, cross
     * entropy) or softmax cross entropy, as {@code loss.ExpCosineMarginLoss} and DL4J's MCXENT output layer compute it.
     */
    Tensor loss(Tensor input, Tensor oneHotLabels) {
        Tensor logits = head.logits(features(input), oneHotLabels);
        Tensor logSumExp = torch.logsumexp(logits, new long[] {1}, true);
        return logSumExp.sub(sum(logits.mul(oneHotLabels), 1)).mean();
    }

    private Head head() {
        LossConfig loss = cfg.loss();
        int features = cfg.fusionWidth();
        if (loss.kind() == LossKind.EXP_COSINE_MARGIN) {
            Tensor w = param(new long[] {features, cfg.classes()}, Math.sqrt(2.0 / (features + cfg.classes())));
            return (x, y) -> {
                Tensor xUnit = x.mul(sum(x.mul(x), 1).add(new Scalar(NORM_EPSILON)).rsqrt());
                Tensor wUnit = w.div(sum(w.mul(w), 0).add(new Scalar(NORM_EPSILON)).sqrt());
                Tensor cos = xUnit.mm(wUnit);
                return cos.sub(y.mul(new Scalar(loss.margin()))).exp().mul(new Scalar(loss.scale()));
            };
        }
        Tensor w = param(new long[] {cfg.classes(), features}, Math.sqrt(2.0 / (features + cfg.classes())));
        Tensor b = trainable(torch.zeros(cfg.classes()));
        return (x, y) -> torch.linear(x, w, new TensorOptional(b));
    }

    /** Logits of the head for features x and one-hot labels y. */
    private interface Head {
        Tensor logits(Tensor x, Tensor y);
    }

    private int block(int x, int in, int out, int stride, int reduced) {
        Variant v = cfg.variant();
        int hidden = convBnRelu(x, in, out, stride);
        int u = convBn(hidden, out, out, 3, 1);
        int uScaled = v.squeezeExcitation() ? squeezeExcitation(u, out, reduced) : u;
        if (v.shortcut() == Shortcut.NONE) {
            return add(values -> values.get(uScaled).relu());
        }
        int shortcut = in == out && stride == 1 ? x : convBn(x, in, out, 1, stride);
        int gated = v.shortcut() == Shortcut.ADAPTIVE ? squeezeExcitation(shortcut, out, reduced) : shortcut;
        return add(values -> values.get(uScaled).add(values.get(gated)).relu());
    }

    /** {@code sigmoid(fc2(relu(fc1(GAP(t))))) ⊙ t}, eq. 5–8 (SqueezeExcitation, AdaptiveShortcut). */
    private int squeezeExcitation(int t, int channels, int reduced) {
        Tensor w1 = param(new long[] {reduced, channels}, Math.sqrt(2.0 / channels));
        Tensor b1 = trainable(torch.zeros(reduced));
        Tensor w2 = param(new long[] {channels, reduced}, Math.sqrt(2.0 / reduced));
        Tensor b2 = trainable(torch.zeros(channels));
        return add(values -> {
            Tensor input = values.get(t);
            Tensor squeezed = input.mean(new long[] {2, 3}, false, new ScalarTypeOptional());
            Tensor s = torch.linear(torch.linear(squeezed, w1, new TensorOptional(b1)).relu(), w2,
                    new TensorOptional(b2)).sigmoid();
            return input.mul(s.reshape(s.size(0), channels, 1, 1));
        });
    }

    private int fuse(List<Integer> branchOutputs) {
        int last = branchOutputs.size() - 1;
        return add(values -> {
            Tensor[] maps = new Tensor[branchOutputs.size()];
            for (int b = 0; b < last; b++) {
                long factor = 1L << (last - b);
                maps[b] = torch.avg_pool2d(values.get(branchOutputs.get(b)), factor, factor);
            }
            maps[last] = values.get(branchOutputs.get(last));
            return maps.length == 1 ? maps[0] : torch.cat(new TensorVector(maps), 1);
        });
    }

    private void gap(int x) {
        add(values -> values.get(x).mean(new long[] {2, 3}, false, new ScalarTypeOptional()));
    }

    private int convBnRelu(int x, int in, int out, int stride) {
        int bn = convBn(x, in, out, 3, stride);
        return add(values -> values.get(bn).relu());
    }

    private int convBn(int x, int in, int out, int kernel, int stride) {
        Tensor w = param(new long[] {out, in, kernel, kernel}, Math.sqrt(2.0 / ((long) in * kernel * kernel)));
        Tensor gamma = trainable(torch.ones(out));
        Tensor beta = trainable(torch.zeros(out));
        Tensor mean = buffer(torch.zeros(out));
        Tensor var = buffer(torch.ones(out));
        long pad = kernel / 2;
        return add(values -> {
            Tensor conv = torch.conv2d(values.get(x), w, new TensorOptional(), new long[] {stride, stride},
                    new long[] {pad, pad}, new long[] {1, 1}, 1);
            return torch.batch_norm(conv, new TensorOptional(gamma), new TensorOptional(beta),
                    new TensorOptional(mean), new TensorOptional(var), TRAINING, BN_MOMENTUM, BN_EPS, false);
        });
    }

    /** Appends an op; returns the index of its output in the forward pass's value list. */
    private int add(Op op) {
        ops.add(op);
        return ops.size();
    }

    private Tensor param(long[] shape, double std) {
        return trainable(torch.randn(shape).mul(new Scalar(std)));
    }

    private Tensor trainable(Tensor t) {
        parameters.add(t.requires_grad_(true));
        return t;
    }

    private Tensor buffer(Tensor t) {
        buffers.add(t);
        return t;
    }

    private static Tensor sum(Tensor t, long dim) {
        return t.sum(new long[] {dim}, true, new ScalarTypeOptional());
    }
}
