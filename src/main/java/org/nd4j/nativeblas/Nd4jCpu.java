package org.nd4j.nativeblas;

import java.lang.reflect.Method;

/**
 * Compatibility shim for a class that DL4J 1.0.0-M2.1 looks up by name but no longer ships.
 *
 * <p>{@code BaseMKLDNNHelper.mklDnnEnabled()} asks {@code org.nd4j.nativeblas.Nd4jCpu$Environment.isUseMKLDNN()}
 * whether oneDNN is on; M2.1 renamed it to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment
 * .isUseONEDNN()}. Without this class every oneDNN layer helper is silently dropped and CPU training runs about 8×
 * slower (../shared/notes/DL4J-M2.1.md, "Speed on CPU"). Reflection keeps the class loadable under the CUDA backend,
 * where the CPU bindings are absent (DL4J then never asks).
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** Delegates to the renamed M2.1 binding. */
    public static final class Environment {
        private final Object delegate;
        private final Method isUseOneDnn;

        private Environment(Object delegate, Method isUseOneDnn) {
            this.delegate = delegate;
            this.isUseOneDnn = isUseOneDnn;
        }

        public static Environment getInstance() throws ReflectiveOperationException {
            Class<?> renamed = Class.forName("org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment");
            return new Environment(renamed.getMethod("getInstance").invoke(null), renamed.getMethod("isUseONEDNN"));
        }

        public boolean isUseMKLDNN() throws ReflectiveOperationException {
            return (Boolean) isUseOneDnn.invoke(delegate);
        }
    }
}
