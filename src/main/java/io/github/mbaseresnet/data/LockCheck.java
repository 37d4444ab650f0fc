package io.github.mbaseresnet.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The result of checking a dataset copy against its {@link LockEntry}.
 *
 * @param mismatches what differs, empty when the copy matches
 */
public record LockCheck(List<Mismatch> mismatches) {

    public LockCheck {
        mismatches = List.copyOf(mismatches);
    }

    /**
     * One pinned value that the copy does not have.
     *
     * @param field    {@code files}, {@code classes.<CODE>}, {@code subjects} or {@code manifest_sha256}
     * @param expected the pinned value
     * @param actual   the copy's value
     */
    public record Mismatch(String field, String expected, String actual) {
        @Override
        public String toString() {
            return field + ": expected " + expected + ", found " + actual;
        }
    }

    /**
     * Compares the samples a reader found and their manifest with what {@code entry} pins; fields the entry leaves
     * {@code null} are skipped, and so is the hash when {@code manifest} is {@code null} (not computed).
     */
    public static LockCheck verify(LockEntry entry, List<Sample> samples, Manifest manifest) {
        List<Mismatch> out = new ArrayList<>();
        compare(out, "files", entry.files(), samples.size());
        if (entry.classes() != null) {
            Map<String, Integer> actual = new TreeMap<>();
            samples.forEach(s -> actual.merge(s.label().code(), 1, Integer::sum));
            TreeSet<String> codes = new TreeSet<>(entry.classes().keySet());
            codes.addAll(actual.keySet());
            for (String code : codes) {
                compare(out, "classes." + code, entry.classes().getOrDefault(code, 0), actual.getOrDefault(code, 0));
            }
        }
        compare(out, "subjects", entry.subjects(), (int) samples.stream().map(Sample::subject).distinct().count());
        if (entry.manifestSha256() != null && manifest != null
                && !entry.manifestSha256().equalsIgnoreCase(manifest.sha256())) {
            out.add(new Mismatch("manifest_sha256", entry.manifestSha256(), manifest.sha256()));
        }
        return new LockCheck(out);
    }

    /** True when nothing differs. */
    public boolean ok() {
        return mismatches.isEmpty();
    }

    private static void compare(List<Mismatch> out, String field, Integer expected, int actual) {
        if (expected != null && expected != actual) {
            out.add(new Mismatch(field, expected.toString(), Integer.toString(actual)));
        }
    }
}
