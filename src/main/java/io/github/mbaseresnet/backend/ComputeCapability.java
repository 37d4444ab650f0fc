package io.github.mbaseresnet.backend;

/** A CUDA compute capability such as 8.6 (Ampere) or 9.0 (Hopper). */
public record ComputeCapability(int major, int minor) implements Comparable<ComputeCapability> {

    /** Parses nvidia-smi's {@code compute_cap} field, e.g. {@code "8.6"}. */
    public static ComputeCapability parse(String text) {
        String[] parts = text.trim().split("\\.");
        try {
            if (parts.length == 2) {
                return new ComputeCapability(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("not a compute capability: '" + text + "'");
    }

    @Override
    public int compareTo(ComputeCapability o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
