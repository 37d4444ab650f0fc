package io.github.mbaseresnet.bench;

import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Where the DL4J training step's time goes: forward and backward of every vertex, timed one by one.
 * <pre>
 *   java -cp target/fer-benchmarks.jar io.github.mbaseresnet.bench.LayerTimes [--widths=16/32/64] [--batch=16]
 *        [--steps=20]
 * </pre>
 * Runs the network's vertices by hand in topological order, as {@code ComputationGraph.fit} does (inputs set,
 * {@code doForward(training)}, then {@code doBackward} in reverse order with the epsilons of every consumer summed),
 * without workspaces and without the updater, so the sum of the rows is a little different from a {@code fit}, whose
 * time is printed next to it. Prints the vertices by cost and the costs summed per kind of layer (convolution, batch
 * norm, the channel-scale vertex, the eq. 12 head, …). Add the JVM flags of pom.xml's dl4j.jvm.flags and
 * {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false}, as the benchmarks' forks do.
 */
@Command(name = "LayerTimes",
        description = "DL4J's training step, forward and backward of every vertex timed one by one")
public final class LayerTimes implements Callable<Integer> {
    @Mixin
    private NetworkOptions network;

    @Option(names = "--steps", description = "timed steps (default: ${DEFAULT-VALUE})")
    private int steps = 20;

    private LayerTimes() {
    }

    /** Milliseconds per step of one vertex, forward and backward. */
    record Cost(String name, String kind, double forwardMs, double backwardMs) {
        double totalMs() {
            return forwardMs + backwardMs;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LayerTimes()).execute(args));
    }

    @Override
    public Integer call() {
        NetworkOptions.Measured measured = network.prepare();
        ComputationGraph net = measured.net();
        DataSet data = measured.data();
        net.outputSingle(false, data.getFeatures()); // DL4J #7785: one output before the first fit
        for (int i = 0; i < 3; i++) {
            net.fit(data);
            timedStep(net, data);
        }
        long fitStart = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            net.fit(data);
        }
        double fitMs = (System.nanoTime() - fitStart) / 1e6 / steps;
        long[][] total = new long[2][net.getVertices().length];
        for (int i = 0; i < steps; i++) {
            long[][] t = timedStep(net, data);
            for (int v = 0; v < t[0].length; v++) {
                total[0][v] += t[0][v];
                total[1][v] += t[1][v];
            }
        }
        List<Cost> costs = new ArrayList<>();
        for (GraphVertex v : net.getVertices()) {
            if (!v.isInputVertex()) {
                costs.add(new Cost(v.getVertexName(), kind(v), total[0][v.getVertexIndex()] / 1e6 / steps,
                        total[1][v.getVertexIndex()] / 1e6 / steps));
            }
        }
        System.out.println(report(costs, fitMs, network.widths, network.batch, steps));
        return 0;
    }

    static String report(List<Cost> costs, double fitMs, String widths, int batch, int steps) {
        double sum = costs.stream().mapToDouble(Cost::totalMs).sum();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "== DL4J per-layer times, MBA-SE-ResNet, "
                + "widths %s, batch %d, mean of %d steps: fit %.1f ms/step, sum of the vertices %.1f ms ==%n",
                widths, batch, steps, fitMs, sum));
        sb.append(String.format(Locale.ROOT, "%-26s %12s %9s %9s %7s%n", "kind", "vertices", "fwd ms", "bwd ms",
                "share"));
        Map<String, double[]> byKind = new LinkedHashMap<>();
        for (Cost c : costs) {
            double[] k = byKind.computeIfAbsent(c.kind(), x -> new double[3]);
            k[0]++;
            k[1] += c.forwardMs();
            k[2] += c.backwardMs();
        }
        byKind.entrySet().stream().sorted(Comparator.comparingDouble(e -> -(e.getValue()[1] + e.getValue()[2])))
                .forEach(e -> sb.append(String.format(Locale.ROOT, "%-26s %12.0f %9.2f %9.2f %6.1f%%%n", e.getKey(),
                        e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        100 * (e.getValue()[1] + e.getValue()[2]) / sum)));
        sb.append(String.format(Locale.ROOT, "%n%-26s %-22s %9s %9s %7s%n", "vertex (top 15)", "kind", "fwd ms",
                "bwd ms", "share"));
        costs.stream().sorted(Comparator.comparingDouble(c -> -c.totalMs())).limit(15)
                .forEach(c -> sb.append(String.format(Locale.ROOT, "%-26s %-22s %9.2f %9.2f %6.1f%%%n", c.name(),
                        c.kind(), c.forwardMs(), c.backwardMs(), 100 * c.totalMs() / sum)));
        return sb.toString();
    }

    /** One forward and backward pass, vertex by vertex; returns [forward, backward] nanoseconds per vertex index. */
    private static long[][] timedStep(ComputationGraph net, DataSet data) {
        GraphVertex[] vertices = net.getVertices();
        int[] order = net.topologicalSortOrder();
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        long[][] nanos = new long[2][vertices.length];
        INDArray[] activations = new INDArray[vertices.length];
        for (int idx : order) {
            GraphVertex v = vertices[idx];
            if (v.isInputVertex()) {
                activations[idx] = data.getFeatures();
                continue;
            }
            VertexIndices[] in = v.getInputVertices();
            for (int j = 0; j < in.length; j++) {
                v.setInput(j, activations[in[j].getVertexIndex()], mgr);
            }
            long start = System.nanoTime();
            activations[idx] = v.doForward(true, mgr);
            nanos[0][idx] = System.nanoTime() - start;
        }
        ((IOutputLayer) net.getOutputLayer(0)).setLabels(data.getLabels());
        INDArray[] epsilons = new INDArray[vertices.length];
        for (int i = order.length - 1; i >= 0; i--) {
            GraphVertex v = vertices[order[i]];
            if (v.isInputVertex()) {
                continue;
            }
            if (!v.isOutputVertex()) {
                v.setEpsilon(epsilons[order[i]]);
            }
            long start = System.nanoTime();
            Pair<Gradient, INDArray[]> result = v.doBackward(false, mgr);
            nanos[1][order[i]] = System.nanoTime() - start;
            VertexIndices[] in = v.getInputVertices();
            for (int j = 0; j < in.length; j++) {
                int from = in[j].getVertexIndex();
                INDArray eps = result.getSecond()[j];
                // a map read by several vertices gets the sum of their epsilons, as in ComputationGraph
                epsilons[from] = epsilons[from] == null ? eps.dup() : epsilons[from].add(eps);
            }
        }
        return nanos;
    }

    private static String kind(GraphVertex v) {
        Object conf = v.hasLayer() ? v.getLayer().conf().getLayer() : v;
        return conf.getClass().getSimpleName();
    }
}
