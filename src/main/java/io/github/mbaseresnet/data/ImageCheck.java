package io.github.mbaseresnet.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.TreeSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the header of every sample's image when a dataset is loaded, so that a broken copy fails before training
 * rather than in fold 7: a corrupt, truncated or unreadable header is an error naming the file; an image whose size
 * is not one the layout documents ({@link DatasetReader#expectedSizes()}) is a counted exclusion; and the sizes and
 * band counts found are summarised, because several sizes are only known from the literature (DATASETS.md [M]).
 * Gray and colour both pass: {@link ImageFiles#readGray} forces gray (CK+ "some colour: force gray", §1).
 *
 * @param sizes the documented sizes; empty accepts any size
 */
public record ImageCheck(Set<ImageSize> sizes) {
    /** Gray, gray + alpha, RGB, RGBA: what the gray conversion handles. */
    private static final int MAX_BANDS = 4;

    public ImageCheck {
        sizes = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(sizes.stream().sorted(
                java.util.Comparator.comparing(Object::toString)).toList())); // the same text in every JVM
    }

    /**
     * The result of checking.
     *
     * @param read   {@code input} without the images of unexpected size, which are added to its exclusions
     * @param survey e.g. {@code 640x490 gray: 900, 640x490 3 bands: 27}
     */
    public record Outcome(ReadResult read, String survey) {
    }

    /**
     * @throws DatasetException naming the first image whose header cannot be read or that has more than four bands
     */
    public Outcome apply(ReadResult input) {
        Map<String, Integer> found = new TreeMap<>();
        Set<Path> wrongSize = new HashSet<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (Sample s : input.samples()) {
            ImageFiles.ImageInfo info = ImageFiles.probe(s.image());
            if (info.bands() < 1 || info.bands() > MAX_BANDS) {
                throw new DatasetException(s.image(), "unexpected image with " + info.bands() + " channels; expected "
                        + "gray or colour (1 to 4 channels): re-export it as 8-bit gray or RGB");
            }
            found.merge(info.size() + (info.bands() == 1 ? " gray" : " " + info.bands() + " bands"), 1, Integer::sum);
            if (!sizes.isEmpty() && !sizes.contains(info.size()) && wrongSize.add(s.image())) {
                excluded.add(new Exclusion(s.image(), "image size is not one of " + sizes.stream().map(Object::toString)
                        .sorted().collect(Collectors.joining(", ")) + " (DATASETS.md)"));
            }
        }
        String survey = found.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        return new Outcome(input.filtered(s -> !wrongSize.contains(s.image()), excluded),
                survey.isEmpty() ? "no images" : survey);
    }
}
