package io.github.mbaseresnet.model;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of the channel-wise scaling {@code u2 ⊙ u} of PAPER.md §1 steps 4 and 5: input 0 is a feature map
 * [N, C, H, W], input 1 a per-channel weight [N, C]; the output is the map with each channel scaled by its weight.
 *
 * <p>A hand-written vertex rather than {@code SameDiffLambdaVertex}: in DL4J M2.1 the lambda bridge returns twice the
 * correct input gradient (DL4J-M2.1.md, "Channel-wise multiply"). The multiply is a real broadcast over the batch and
 * channel axes, so it works for any mini-batch size.
 */
public class ChannelScaleVertex extends GraphVertex {

    @Override
    public ChannelScaleVertex clone() {
        return new ChannelScaleVertex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelScaleVertex;
    }

    @Override
    public int hashCode() {
        return ChannelScaleVertex.class.hashCode();
    }

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int minVertexInputs() {
        return 2;
    }

    @Override
    public int maxVertexInputs() {
        return 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new ChannelScaleVertexImpl(graph, name, idx, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        if (vertexInputs.length != 2 || vertexInputs[0].getType() != InputType.Type.CNN) {
            throw new IllegalArgumentException("ChannelScaleVertex needs [feature map (CNN), channel weights (FF)], got "
                    + java.util.Arrays.toString(vertexInputs));
        }
        return vertexInputs[0];
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        return new LayerMemoryReport.Builder(null, ChannelScaleVertex.class, inputTypes[0], inputTypes[0])
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }
}
