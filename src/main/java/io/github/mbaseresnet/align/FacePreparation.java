package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.ImageFiles;
import io.github.mbaseresnet.data.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads, converts to gray and aligns the samples of a class set; samples of other classes are left out. Each image
 * takes its landmarks from the source when it has them, else the aligner's fallback; both are counted, so the report
 * says how many faces were really aligned (issue 5: "counted and reported per dataset").
 */
public final class FacePreparation {
    private final FaceAligner aligner;
    private final LandmarkSource landmarks;

    /** The aligned faces and how many were aligned from each landmark source ({@code none} = fallback). */
    public record Prepared(List<Face> faces, Map<String, Integer> alignedBy) {
        public Prepared {
            faces = List.copyOf(faces);
            alignedBy = Map.copyOf(alignedBy);
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
        for (Sample s : kept) {
            Optional<Landmarks> points = landmarks.find(s);
            alignedBy.merge(points.map(Landmarks::source).orElse("none"), 1, Integer::sum);
            faces.add(new Face(s.sequence(), s.subject(), classes.indexOf(s.label()),
                    aligner.align(ImageFiles.readGray(s.image()), points)));
            progress.aligned(faces.size(), kept.size());
        }
        return new Prepared(faces, alignedBy);
    }
}
