package io.github.mbaseresnet.support;

import io.github.mbaseresnet.backend.BackendSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.Supplier;

/** Like DL4J's BaseDL4JTest: one place that prepares the backend and fixes data types and seeds for every test. */
public abstract class Dl4jTestBase {

    @BeforeAll
    static void prepareBackend() {
        BackendSetup.prepare();
    }

    @BeforeEach
    void fixRandomnessAndTypes() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getRandom().setSeed(12345);
    }

    /** Gradient checks need double precision everywhere. */
    protected static void useDouble() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** What {@code build} makes while DL4J's layer helpers are off (DL4J reads the switch as each layer is made). */
    protected static <T> T withHelpersDisabled(Supplier<T> build) {
        String before = System.getProperty(BackendSetup.HELPERS_DISABLE_PROPERTY);
        System.setProperty(BackendSetup.HELPERS_DISABLE_PROPERTY, "true");
        try {
            return build.get();
        } finally {
            System.setProperty(BackendSetup.HELPERS_DISABLE_PROPERTY, before == null ? "false" : before);
        }
    }
}
