package io.github.mbaseresnet.bench;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What would the DL4J training step cost if its convolution and batch-norm layers cost no more than the libnd4j ops
 * they run? Calls those ops directly, at the shapes every convolution and batch norm of the network sees:
 * {@code conv2d} + {@code conv2d_bp} (oneDNN) and {@code moments} + {@code batchnorm} (oneDNN) + {@code batchnorm_bp}.
 * <pre>
 *   java [the JVM flags of LayerTimes] -cp target/fer-benchmarks.jar io.github.mbaseresnet.bench.OpFloor
 *        [--widths=16/32/64] [--batch=16] [--repeats=20]   (--help lists them)
 * </pre>
 * The sum is a floor for DL4J: no layer can be faster than its ops. Set it against libtorch's whole step
 * ({@link LibtorchComparison}) to see how much of the gap any change above the ops could close.
 */
@Command(name = "OpFloor",
        description = "the bare libnd4j ops of the network's convolutions and batch norms, at its shapes")
public final class OpFloor implements Callable<Integer> {
    @Mixin
    private NetworkOptions network;

    @Option(names = "--repeats", description = "timed calls of each op (default: ${DEFAULT-VALUE})")
    private int repeats = 20;

    private OpFloor() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new OpFloor()).execute(args));
    }

    @Override
    public Integer call() {
        NetworkOptions.Measured measured = network.prepare();
        ComputationGraph net = measured.net();
        DataSet data = measured.data();
        Map<String, INDArray> activations = net.feedForward(data.getFeatures(), true);
        double convMs = 0;
        double normMs = 0;
        int convs = 0;
        int norms = 0;
        for (GraphVertex v : net.getVertices()) {
            if (!v.hasLayer()) {
                continue;
            }
            INDArray x = activations.get(net.getConfiguration().getVertexInputs().get(v.getVertexName()).get(0));
            INDArray y = activations.get(v.getVertexName());
            Object layer = v.getLayer().conf().getLayer();
            if (layer instanceof ConvolutionLayer conv) {
                convMs += convolution(x, v.getLayer().getParam("W"), y, conv, repeats);
                convs++;
            } else if (layer instanceof BatchNormalization bn) {
                normMs += batchNorm(x, bn.getEps(), repeats);
                norms++;
            }
        }
        System.out.printf(Locale.ROOT, "== raw libnd4j ops at the shapes of MBA-SE-ResNet %s, batch %d, mean of %d "
                + "calls ==%n", network.widths, network.batch, repeats);
        System.out.printf(Locale.ROOT, "%2d convolutions  conv2d + conv2d_bp                  %8.1f ms per step%n",
                convs, convMs);
        System.out.printf(Locale.ROOT, "%2d batch norms   moments + batchnorm + batchnorm_bp  %8.1f ms per step%n",
                norms, normMs);
        System.out.printf(Locale.ROOT, "   together                                          %8.1f ms per step "
                + "(%.1f img/s if nothing else took time)%n", convMs + normMs,
                1000.0 * network.batch / (convMs + normMs));
        return 0;
    }

    private static double convolution(INDArray x, INDArray w, INDArray y, ConvolutionLayer conv, int repeats) {
        int[] k = conv.getKernelSize();
        int[] s = conv.getStride();
        // kH, kW, sH, sW, pH, pW (0: "same" mode computes them), dH, dW, same mode, NCHW, weights [out, in, kH, kW]
        int[] iArgs = {k[0], k[1], s[0], s[1], 0, 0, 1, 1, 1, 0, 1};
        INDArray out = y.ulike();
        INDArray eps = Nd4j.rand(y.dataType(), y.shape());
        INDArray dx = x.ulike();
        INDArray dw = w.ulike();
        return timed(repeats, () -> {
            Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, w).addOutputs(out).addIntegerArguments(iArgs)
                    .build());
            Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, eps).addOutputs(dx, dw)
                    .addIntegerArguments(iArgs).build());
        });
    }

    private static double batchNorm(INDArray x, double epsilon, int repeats) {
        long c = x.size(1);
        INDArray mean = Nd4j.create(x.dataType(), c);
        INDArray var = Nd4j.create(x.dataType(), c);
        INDArray gamma = Nd4j.ones(x.dataType(), c);
        INDArray beta = Nd4j.zeros(x.dataType(), c);
        INDArray out = x.ulike();
        INDArray eps = Nd4j.rand(x.dataType(), x.shape());
        INDArray dx = x.ulike();
        INDArray[] small = {mean.ulike(), mean.ulike(), mean.ulike(), mean.ulike()};
        return timed(repeats, () -> {
            Nd4j.exec(DynamicCustomOp.builder("moments").addInputs(x).addOutputs(mean, var)
                    .addIntegerArguments(0, 2, 3).build());
            Nd4j.exec(DynamicCustomOp.builder("batchnorm").addInputs(x, mean, var, gamma, beta).addOutputs(out)
                    .addIntegerArguments(1, 1, 1).addFloatingPointArguments(epsilon).build());
            Nd4j.exec(DynamicCustomOp.builder("batchnorm_bp").addInputs(x, mean, var, gamma, beta, eps)
                    .addOutputs(dx, small[0], small[1], small[2], small[3]).addIntegerArguments(1, 1, 1)
                    .addFloatingPointArguments(epsilon).build());
        });
    }

    /** Mean milliseconds of {@code op} over {@code repeats} calls, after 3 warm-up calls. */
    private static double timed(int repeats, Runnable op) {
        for (int i = 0; i < 3; i++) {
            op.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            op.run();
        }
        return (System.nanoTime() - start) / 1e6 / repeats;
    }
}
