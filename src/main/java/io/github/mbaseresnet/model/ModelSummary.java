package io.github.mbaseresnet.model;

import io.github.mbaseresnet.loss.ExpCosineMarginLoss;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Layers, parameters and multiply-adds per image of one network (issue 3's model summary), to print and to attach to
 * reports. Multiply-adds follow fvcore's convention (convolutions and fully connected layers), plus one multiply per
 * element for the channel-scale vertices, because those are exactly what the adaptive shortcut adds (PAPER.md §1
 * step 5); batch norm, activations, pooling, sums and concatenations are not counted.
 *
 * @param config the network summarised
 * @param rows   one per vertex, in topological order
 */
public record ModelSummary(NetworkConfig config, List<Row> rows) {

    /** One vertex: its name, DL4J class, output shape per image, parameter count and multiply-adds per image. */
    public record Row(String name, String kind, String output, long params, long multiplyAdds) {
    }

    public ModelSummary {
        rows = List.copyOf(rows);
    }

    public static ModelSummary of(NetworkConfig config) {
        ComputationGraphConfiguration conf = MbaSeResNet.configuration(config, new NoOp(), DataType.FLOAT);
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        Map<String, InputType> outputs = conf.getLayerActivationTypes(
                InputType.convolutional(config.inputSize(), config.inputSize(), config.inputChannels()));
        Map<String, List<String>> inputs = conf.getVertexInputs();
        List<Row> rows = new ArrayList<>();
        for (String name : conf.getTopologicalOrderStr()) {
            if (name.equals(MbaSeResNet.INPUT)) {
                continue;
            }
            var vertex = conf.getVertices().get(name);
            InputType out = outputs.get(name);
            InputType in = outputs.getOrDefault(inputs.get(name).get(0), null);
            Object kind = vertex instanceof LayerVertex lv ? lv.getLayerConf().getLayer() : vertex;
            long params = net.getVertex(name).numParams();
            rows.add(new Row(name, kind.getClass().getSimpleName(), shape(out), params,
                    multiplyAdds(kind, in, out)));
        }
        return new ModelSummary(config, rows);
    }

    private static long multiplyAdds(Object kind, InputType in, InputType out) {
        if (kind instanceof ConvolutionLayer conv && out instanceof InputType.InputTypeConvolutional o
                && in instanceof InputType.InputTypeConvolutional i) {
            long kernel = (long) conv.getKernelSize()[0] * conv.getKernelSize()[1];
            return kernel * i.getChannels() * o.getChannels() * o.getHeight() * o.getWidth();
        }
        if (kind instanceof DenseLayer || kind instanceof BaseOutputLayer) { // not BN, also a FeedForwardLayer
            FeedForwardLayer ff = (FeedForwardLayer) kind;
            return ff.getNIn() * ff.getNOut();
        }
        if (kind instanceof ExpCosineMarginLoss head) {
            return head.getNIn() * head.getNOut();
        }
        if (kind instanceof ChannelScaleVertex) {
            return out.arrayElementsPerExample();
        }
        return 0;
    }

    private static String shape(InputType type) {
        if (type instanceof InputType.InputTypeConvolutional c) {
            return c.getChannels() + "×" + c.getHeight() + "×" + c.getWidth();
        }
        return Long.toString(type.arrayElementsPerExample());
    }

    public long params() {
        return rows.stream().mapToLong(Row::params).sum();
    }

    public long multiplyAdds() {
        return rows.stream().mapToLong(Row::multiplyAdds).sum();
    }

    /** Parameters and multiply-adds of the vertices whose name contains {@code part} (e.g. {@code "_asc"}). */
    public long params(String part) {
        return rows.stream().filter(r -> r.name().contains(part)).mapToLong(Row::params).sum();
    }

    public long multiplyAdds(String part) {
        return rows.stream().filter(r -> r.name().contains(part)).mapToLong(Row::multiplyAdds).sum();
    }

    /** The per-layer table, then the totals. */
    public String toText() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s, %s head, widths %s, %d block(s)/branch,"
                        + " input %d×%d×%d, %d classes%n", config.variant().paperName(), config.loss().kind().paperName(),
                config.branchWidths(), config.blocksPerBranch(), config.inputChannels(), config.inputSize(),
                config.inputSize(), config.classes()));
        sb.append(String.format(Locale.ROOT, "%-28s %-26s %-12s %12s %14s%n", "vertex", "kind", "output", "params",
                "mult-adds"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-28s %-26s %-12s %,12d %,14d%n", r.name(), r.kind(), r.output(),
                    r.params(), r.multiplyAdds()));
        }
        sb.append(String.format(Locale.ROOT, "%-66s %,12d %,14d%n", "total", params(), multiplyAdds()));
        return sb.toString();
    }

    /**
     * What the adaptive shortcut costs over SE-ResNet (the paper: "negligible overheads"): one line per variant
     * with parameters and multiply-adds, relative to SE-ResNet of the same shape.
     */
    public static String variantComparison(NetworkConfig config) {
        ModelSummary se = of(config.withVariant(Variant.SE_RESNET));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s %12s %14s %10s %10s%n", "variant",
                "params", "mult-adds", "params/SE", "MACs/SE"));
        for (Variant v : Variant.values()) {
            ModelSummary s = v == Variant.SE_RESNET ? se : of(config.withVariant(v));
            sb.append(String.format(Locale.ROOT, "%-16s %,12d %,14d %10.4f %10.4f%n", v.paperName(), s.params(),
                    s.multiplyAdds(), (double) s.params() / se.params(),
                    (double) s.multiplyAdds() / se.multiplyAdds()));
        }
        return sb.toString();
    }
}
