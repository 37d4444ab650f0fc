package io.github.mbaseresnet.backend;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Refuses to start GPU training on a GPU that nd4j-cuda-11.6 (DL4J 1.0.0-M2.1) cannot run: its kernels are compiled
 * for sm_37 … sm_86 with no PTX (DL4J-M2.1.md, "GPU"), so Hopper (9.0) and newer fail with a CUDA error deep inside
 * the first fold. Checked with nvidia-smi before ND4J loads its backend.
 */
public final class GpuCapabilityCheck {
    static final ComputeCapability OLDEST = new ComputeCapability(3, 7);
    static final ComputeCapability NEWEST = new ComputeCapability(8, 9); // Ada runs sm_86 code

    private GpuCapabilityCheck() {
    }

    /**
     * @param capabilities one per visible GPU
     * @throws IllegalStateException with a message saying which GPU cannot be used and why
     */
    public static void requireSupported(List<String> gpuNames, List<ComputeCapability> capabilities) {
        if (capabilities.isEmpty()) {
            throw new IllegalStateException("the CUDA backend (-Pcuda) is selected but nvidia-smi lists no GPU");
        }
        for (int i = 0; i < capabilities.size(); i++) {
            ComputeCapability cc = capabilities.get(i);
            if (cc.compareTo(OLDEST) < 0 || cc.compareTo(NEWEST) > 0) {
                throw new IllegalStateException("GPU " + i + " (" + gpuNames.get(i) + ") has compute capability " + cc
                        + ". nd4j-cuda-11.6 (DL4J 1.0.0-M2.1) ships native code for compute capabilities 3.7 to 8.6"
                        + " only, with no PTX: Kepler (3.7) to Ada (8.9, which runs 8.6 code) work, Hopper (9.0)"
                        + " and newer cannot run it. Use a supported GPU, or the CPU backend (omit -Pcuda).");
            }
        }
    }

    /** Queries nvidia-smi and applies {@link #requireSupported}. */
    public static void requireSupportedGpu() {
        List<String> lines = gpus();
        List<String> names = lines.stream().map(l -> l.substring(0, l.lastIndexOf(',')).trim()).toList();
        List<ComputeCapability> caps = lines.stream()
                .map(l -> ComputeCapability.parse(l.substring(l.lastIndexOf(',') + 1))).toList();
        requireSupported(names, caps);
    }

    /** One "name, compute capability" line per visible GPU, from nvidia-smi (also recorded in reports). */
    public static List<String> gpus() {
        List<String> lines;
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,compute_cap", "--format=csv,noheader")
                    .redirectErrorStream(true).start();
            lines = new String(p.getInputStream().readAllBytes()).lines().filter(l -> !l.isBlank()).toList();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("nvidia-smi failed: " + String.join(" ", lines));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the CUDA backend (-Pcuda) is selected but nvidia-smi cannot be run ("
                    + e.getMessage() + "): is the NVIDIA driver installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running nvidia-smi", e);
        }
        return lines;
    }
}
