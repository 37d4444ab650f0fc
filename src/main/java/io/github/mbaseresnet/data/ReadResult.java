package io.github.mbaseresnet.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a reader found: the samples of the protocol, sorted by image path, and the inputs it left out with their
 * reasons ({@link Exclusion}).
 */
public record ReadResult(List<Sample> samples, List<Exclusion> excluded) {

    /** Sorts by the full location, zip archive included (BP4D+ frames live inside zips, DATASETS.md §5). */
    private static final Comparator<Path> BY_LOCATION = Comparator.comparing(ZipArchives::describe);

    public ReadResult {
        samples = samples.stream().sorted(Comparator.comparing(Sample::image, BY_LOCATION)).toList();
        excluded = excluded.stream().sorted(Comparator.comparing(Exclusion::file, BY_LOCATION)).toList();
    }

    /** Samples without exclusions (JAFFE, the embedded dataset). */
    public static ReadResult of(List<Sample> samples) {
        return new ReadResult(samples, List.of());
    }

    /**
     * Fails on two samples of the same image: a reader that finds one file twice (two nested copies, a file in two
     * class folders) would otherwise count it twice.
     *
     * @throws DatasetException naming the duplicated image
     */
    public ReadResult requireDistinct() {
        Map<String, Sample> seen = new HashMap<>();
        for (Sample s : samples) {
            Sample before = seen.putIfAbsent(ZipArchives.describe(s.image()), s);
            if (before != null) {
                throw new DatasetException(s.image(), "duplicate sample: the same image was found twice ("
                        + before.label() + " and " + s.label() + "); remove the extra copy");
            }
        }
        return this;
    }

    /** Number of exclusions per reason, sorted by reason. */
    public SortedMap<String, Integer> excludedByReason() {
        return excluded.stream().collect(Collectors.groupingBy(Exclusion::reason, TreeMap::new,
                Collectors.summingInt(e -> 1)));
    }

    /** One line for reports, e.g. {@code 266 × sequence has no Emotion label file; 5 × subject ...}, or {@code none}. */
    public String describeExclusions() {
        if (excluded.isEmpty()) {
            return "none";
        }
        return excludedByReason().entrySet().stream().map(e -> e.getValue() + " × " + e.getKey())
                .collect(Collectors.joining("; "));
    }

    /** This result with {@code more} exclusions and only the samples {@code keep} accepts. */
    public ReadResult filtered(Predicate<Sample> keep, List<Exclusion> more) {
        List<Exclusion> all = new ArrayList<>(excluded);
        all.addAll(more);
        return new ReadResult(samples.stream().filter(keep).toList(), all);
    }

    /** Collects samples and exclusions while a reader walks a tree; local to one read, never shared. */
    public static final class Builder {
        private final List<Sample> samples = new ArrayList<>();
        private final List<Exclusion> excluded = new ArrayList<>();

        public Builder add(Sample sample) {
            samples.add(sample);
            return this;
        }

        public Builder exclude(Path file, String reason) {
            excluded.add(new Exclusion(file, reason));
            return this;
        }

        public Builder addAll(ReadResult part) {
            samples.addAll(part.samples());
            excluded.addAll(part.excluded());
            return this;
        }

        public boolean hasSamples() {
            return !samples.isEmpty();
        }

        public ReadResult build() {
            return new ReadResult(samples, excluded).requireDistinct();
        }
    }
}
