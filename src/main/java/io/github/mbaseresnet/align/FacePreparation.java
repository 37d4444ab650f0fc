package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.ImageFiles;
import io.github.mbaseresnet.data.Sample;

import java.util.List;

/** Reads, converts to gray and aligns the samples of a class set; samples of other classes are left out. */
public final class FacePreparation {
    private final FaceAligner aligner;

    public FacePreparation(FaceAligner aligner) {
        this.aligner = aligner;
    }

    /**
     * @throws io.github.mbaseresnet.data.DatasetException naming the first image that cannot be read; no image is
     *                                                     skipped silently
     */
    public List<Face> prepare(List<Sample> samples, ClassSet classes) {
        return samples.stream()
                .filter(s -> classes.contains(s.label()))
                .map(s -> new Face(s.sequence(), s.subject(), classes.indexOf(s.label()),
                        aligner.align(ImageFiles.readGray(s.image()))))
                .toList();
    }
}
