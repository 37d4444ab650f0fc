package io.github.mbaseresnet.backend;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GpuCapabilityCheckTest {
    @Test
    void turingAmpereAndAdaAreAccepted() {
        assertThatCode(() -> GpuCapabilityCheck.requireSupported(List.of("T4", "A100", "RTX 4090"),
                List.of(ComputeCapability.parse("7.5"), ComputeCapability.parse("8.0"),
                        ComputeCapability.parse("8.9")))).doesNotThrowAnyException();
    }

    @Test
    void hopperIsRefusedWithTheReason() {
        assertThatThrownBy(() -> GpuCapabilityCheck.requireSupported(List.of("A100", "NVIDIA H200"),
                List.of(ComputeCapability.parse("8.0"), ComputeCapability.parse("9.0"))))
                .hasMessageContaining("GPU 1 (NVIDIA H200) has compute capability 9.0")
                .hasMessageContaining("3.7 to 8.6 only, with no PTX")
                .hasMessageContaining("Hopper (9.0) and newer cannot run it");
        assertThatThrownBy(() -> GpuCapabilityCheck.requireSupported(List.of("B200"),
                List.of(ComputeCapability.parse("10.0")))).hasMessageContaining("compute capability 10.0");
    }

    @Test
    void noGpuOrGarbageIsAnError() {
        assertThatThrownBy(() -> GpuCapabilityCheck.requireSupported(List.of(), List.of()))
                .hasMessageContaining("lists no GPU");
        assertThatThrownBy(() -> ComputeCapability.parse("[N/A]")).hasMessageContaining("[N/A]");
    }
}
