package io.github.mbaseresnet.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * DL4J's batch normalisation with its defaults (the no-argument constructor is DL4J's {@code new Builder()}), whose
 * runtime computes the training batch's statistics with one fused op ({@link MomentsBatchNormHelper}). Same
 * parameters, same running averages, same JSON apart from the class name.
 */
public class MomentsBatchNormalization extends BatchNormalization {

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
            int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return RuntimeLayers.wire(new MomentsBatchNormalizationImpl(conf, networkDataType), conf, trainingListeners,
                layerIndex, layerParamsView, initializeParams, initializer());
    }
}
