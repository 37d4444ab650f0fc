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
            if (entry.manifest() != null) {
                fileDifferences(out, entry.manifest(), manifest.fileSha256());
            }
        }
        return new LockCheck(out);
    }

    /** At most this many file names per kind of difference; the count is always complete. */
    private static final int NAMED = 10;

    /** Missing, extra and changed files against the pinned per-file manifest. */
    private static void fileDifferences(List<Mismatch> out, Map<String, String> pinned, Map<String, String> actual) {
        List<String> missing = pinned.keySet().stream().filter(p -> !actual.containsKey(p)).toList();
        List<String> extra = actual.keySet().stream().filter(p -> !pinned.containsKey(p)).toList();
        List<String> changed = pinned.keySet().stream().filter(p -> actual.containsKey(p)
                && !pinned.get(p).equalsIgnoreCase(actual.get(p))).toList();
        for (var kind : List.of(Map.entry("missing files", missing), Map.entry("extra files", extra),
                Map.entry("changed files", changed))) {
            if (!kind.getValue().isEmpty()) {
                List<String> names = kind.getValue().subList(0, Math.min(NAMED, kind.getValue().size()));
                out.add(new Mismatch(kind.getKey(), "none", kind.getValue().size() + " " + names
                        + (kind.getValue().size() > NAMED ? " …" : "")));
            }
        }
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
