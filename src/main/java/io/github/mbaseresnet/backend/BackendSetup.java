package io.github.mbaseresnet.backend;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/**
 * Prepares ND4J before any network is built. The backend is named by the Maven profile ({@code fer.backend=cpu|cuda},
 * set by {@code -Pcuda}); on CUDA the GPU is checked first, on CPU the oneDNN layer helpers are switched on: DL4J
 * M2.1 ships them disabled ({@code org.eclipse.deeplearning4j.helpers.disable} defaults to true), which alone makes
 * CPU training about 8× slower (DL4J-M2.1.md, "Speed on CPU"; see also {@code org.nd4j.nativeblas.Nd4jCpu}).
 */
public final class BackendSetup {
    public static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private BackendSetup() {
    }

    /** Idempotent; call before the first network is built. */
    public static void prepare() {
        String backend = System.getProperty("fer.backend", "cpu").toLowerCase(Locale.ROOT);
        if (backend.equals("cuda")) {
            GpuCapabilityCheck.requireSupportedGpu();
        }
        if (System.getProperty(HELPERS_DISABLE_PROPERTY) == null) {
            System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }
}
