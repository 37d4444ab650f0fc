package io.github.mbaseresnet.support;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** A test batch: n gray size×size images of uniform noise (Nd4j's seeded RNG), labels cycling 0, 1, 2, … */
public final class RandomBatch {
    private RandomBatch() {
    }

    public static DataSet of(int n, int size, int classes, DataType type) {
        INDArray x = Nd4j.rand(type, n, 1, size, size);
        INDArray y = Nd4j.zeros(type, n, classes);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, i % classes, 1);
        }
        return new DataSet(x, y);
    }
}
