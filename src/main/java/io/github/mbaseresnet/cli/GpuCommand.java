package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.backend.GpuCapabilityCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code fer gpu}: the GPU check the CUDA backend runs before training, on its own (ci/gpu-verify.sh's first step). */
@Command(name = "gpu", mixinStandardHelpOptions = true,
        description = "List the visible GPUs (nvidia-smi) and check that nd4j-cuda-11.6 can run on each; exit code 1 "
                + "with the reason when one cannot.")
final class GpuCommand implements Callable<Integer>, CommonOptions.Holder {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        String backend = System.getProperty("fer.backend", "cpu");
        if (!backend.equals("cuda")) { // the launcher carries the build's backend: this one has no CUDA to check
            throw new IllegalArgumentException("this build uses the " + backend + " backend: build with "
                    + "`mvn -Pcuda package -DskipTests` to check the GPUs for the CUDA one");
        }
        GpuCapabilityCheck.gpus().forEach(spec.commandLine().getOut()::println);
        GpuCapabilityCheck.requireSupportedGpu();
        spec.commandLine().getOut().println("every GPU is supported by nd4j-cuda-11.6");
        return 0;
    }
}
