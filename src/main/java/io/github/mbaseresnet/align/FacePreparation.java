package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.GrayImage;
import io.github.mbaseresnet.data.ImageFiles;
import io.github.mbaseresnet.data.Sample;
import io.github.mbaseresnet.data.ZipArchives;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads, converts to gray and aligns the samples of a class set; samples of other classes are left out. Each image
 * takes its landmarks from the source when it has them, else the aligner's fallback; both are counted and recorded
 * per image, so the report says how many faces were really aligned and how (issue 5: "counted and reported per
 * dataset", "recorded per image in the run record").
 */
public final class FacePreparation {
    /** The source counted for an image without landmarks, aligned by the fallback. */
    public static final String NONE = "none";
    private final FaceAligner aligner;
    private final LandmarkSource landmarks;

    /**
     * The aligned faces, how many were aligned from each landmark source ({@code none} = fallback) and each image's
     * source, in the order of the faces, keyed by {@link #imageName}.
     */
    public record Prepared(List<Face> faces, Map<String, Integer> alignedBy, Map<String, String> sourceByImage) {
        public Prepared {
            faces = List.copyOf(faces);
            alignedBy = Collections.unmodifiableMap(new TreeMap<>(alignedBy)); // sorted: the record's text is stable
            sourceByImage = Collections.unmodifiableMap(new LinkedHashMap<>(sourceByImage));
        }
    }

    /** Told after each image, so a command line can draw a progress bar ({@code fer prepare}). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void aligned(int done, int total);
    }

    public FacePreparation(FaceAligner aligner, LandmarkSource landmarks) {
        this.aligner = aligner;
        this.landmarks = landmarks;
    }

    /**
     * @throws io.github.mbaseresnet.data.DatasetException naming the first image (or landmark file) that cannot be
     *                                                     read; no image is skipped silently
     */
    public Prepared prepare(List<Sample> samples, ClassSet classes) {
        return prepare(samples, classes, Progress.NONE);
    }

    /** As {@link #prepare(List, ClassSet)}, telling {@code progress} after each image of the class set. */
    public Prepared prepare(List<Sample> samples, ClassSet classes, Progress progress) {
        List<Sample> kept = samples.stream().filter(s -> classes.contains(s.label())).toList();
        List<Face> faces = new ArrayList<>();
        Map<String, Integer> alignedBy = new TreeMap<>();
        Map<String, String> sourceByImage = new LinkedHashMap<>();
        for (Sample s : kept) {
            GrayImage image = ImageFiles.readGray(s.image());
            Optional<Landmarks> points = landmarks.find(s, image);
            String source = points.map(Landmarks::source).orElse(NONE);
            alignedBy.merge(source, 1, Integer::sum);
            sourceByImage.put(imageName(s.image()), source);
            faces.add(new Face(s.sequence(), s.subject(), classes.indexOf(s.label()), aligner.align(image, points)));
            progress.aligned(faces.size(), kept.size());
        }
        return new Prepared(faces, alignedBy, sourceByImage);
    }

    /**
     * An image's name in the run record and the face cache: its absolute path, or {@code /data/F001.zip!/F001/...}
     * for a zip entry (a zip entry's own path would lose the archive; ZipArchives.describe).
     */
    public static String imageName(Path image) {
        return ZipArchives.archiveOf(image).isPresent() ? ZipArchives.describe(image)
                : image.toAbsolutePath().toString();
    }
}
