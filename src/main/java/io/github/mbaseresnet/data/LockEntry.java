package io.github.mbaseresnet.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one dataset copy must contain, as pinned in {@code datasets.lock}. A {@code null} field is not pinned
 * (e.g. generated data) and is not checked.
 *
 * @param layout         the expected on-disk layout, for people
 * @param files          number of files the protocol uses
 * @param classes        images per two-letter expression code ({@link Expression#code()}), sorted by code
 * @param subjects       number of distinct subjects
 * @param manifestSha256 the {@link Manifest#sha256()} of those files
 * @param source         where the pinned values come from
 * @param manifest       sha256 per relative path, written by {@code fer datasets relock}: lets a check name the
 *                       missing, extra and changed files instead of only saying that the aggregate hash differs
 */
public record LockEntry(String layout, Integer files, Map<String, Integer> classes, Integer subjects,
                        @JsonProperty("manifest_sha256") String manifestSha256, String source,
                        Map<String, String> manifest) {
    public LockEntry {
        classes = classes == null ? null : Collections.unmodifiableMap(new TreeMap<>(classes));
        manifest = manifest == null ? null : Collections.unmodifiableMap(new TreeMap<>(manifest));
    }

    /** An entry without a per-file manifest. */
    public LockEntry(String layout, Integer files, Map<String, Integer> classes, Integer subjects,
            String manifestSha256, String source) {
        this(layout, files, classes, subjects, manifestSha256, source, null);
    }
}
