package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.GrayImage;
import io.github.mbaseresnet.data.Sample;

import java.util.Optional;

/**
 * Where an image's alignment points come from, best source first (issue 5): the dataset's own files
 * ({@link CkPlusLandmarks}), then detection ({@link DetectedLandmarks}), then none (the aligner's counted fallback).
 * A source that holds native resources (the detector) is closed after use.
 */
public interface LandmarkSource extends AutoCloseable {
    /** No landmarks for any image: every face takes the aligner's fallback. */
    LandmarkSource NONE = new LandmarkSource() {
        @Override
        public Optional<Landmarks> find(Sample sample, GrayImage image) {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "none";
        }
    };

    /**
     * @param image the sample's pixels, already read (a detector needs them, a landmark file does not)
     * @throws io.github.mbaseresnet.data.DatasetException when a landmark file exists but is malformed (naming it);
     *                                                     a missing file is an empty result, counted as a fallback
     */
    Optional<Landmarks> find(Sample sample, GrayImage image);

    /**
     * What the source is and how it finds points (e.g. {@code ckplus-68}): part of the face cache's key (FaceCache),
     * so another source or another detector setting never reuses faces aligned with the old one.
     */
    String describe();

    /** This source, and {@code next} for the images it has nothing for; closing closes both. */
    default LandmarkSource orElse(LandmarkSource next) {
        LandmarkSource first = this;
        return new LandmarkSource() {
            @Override
            public Optional<Landmarks> find(Sample sample, GrayImage image) {
                return first.find(sample, image).or(() -> next.find(sample, image));
            }

            @Override
            public String describe() {
                return first.describe() + ", then " + next.describe();
            }

            @Override
            public void close() {
                try (next) {
                    first.close();
                }
            }
        };
    }

    @Override
    default void close() {
    }
}
