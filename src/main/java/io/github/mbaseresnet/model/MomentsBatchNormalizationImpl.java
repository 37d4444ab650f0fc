package io.github.mbaseresnet.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.nd4j.linalg.api.buffer.DataType;

import java.lang.reflect.Field;

/**
 * Runtime of {@link MomentsBatchNormalization}: DL4J's batch-norm layer, with DL4J's oneDNN helper replaced by
 * {@link MomentsBatchNormHelper} wherever DL4J chose that helper (CPU backend, helpers on). Where DL4J runs without a
 * helper (helpers off, the CUDA backend) this layer is DL4J's, unchanged. DL4J M2.1 keeps the helper in a
 * package-private field and offers no way to choose it, hence the reflection.
 */
final class MomentsBatchNormalizationImpl extends BatchNormalization {
    private static final Field HELPER = helperField();

    MomentsBatchNormalizationImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        if (getHelper() instanceof MKLDNNBatchNormHelper) {
            try {
                HELPER.set(this, new MomentsBatchNormHelper());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot install the batch-norm helper on layer "
                        + conf.getLayer().getLayerName(), e);
            }
        }
    }

    private static Field helperField() {
        try {
            Field field = BatchNormalization.class.getDeclaredField("helper");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("DL4J's BatchNormalization has no field 'helper': this code is written "
                    + "for DL4J 1.0.0-M2.1", e);
        }
    }
}
