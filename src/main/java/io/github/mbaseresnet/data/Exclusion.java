package io.github.mbaseresnet.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file or folder a reader found but left out of the protocol, and why. Readers never drop anything silently: an
 * input that is not an error is either a sample or an exclusion, and callers report the exclusions counted per reason
 * ({@link ReadResult#excludedByReason()}).
 *
 * @param file   the image, sequence folder, session or subject left out
 * @param reason why, naming the setting that decides it where there is one; equal reasons are counted together
 */
public record Exclusion(Path file, String reason) {
    public Exclusion {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }
}
