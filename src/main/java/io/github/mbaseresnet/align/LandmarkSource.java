package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.Sample;

import java.util.Optional;

/** Where an image's alignment points come from, best source first (issue 5): the dataset's own files, then none. */
public interface LandmarkSource {
    /** No landmarks for any image: every face takes the aligner's fallback. */
    LandmarkSource NONE = new LandmarkSource() {
        @Override
        public Optional<Landmarks> find(Sample sample) {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "none";
        }
    };

    /**
     * @throws io.github.mbaseresnet.data.DatasetException when a landmark file exists but is malformed (naming it);
     *                                                     a missing file is an empty result, counted as a fallback
     */
    Optional<Landmarks> find(Sample sample);

    /**
     * What the source is and how it finds points (e.g. {@code ckplus-68}): part of the face cache's key (FaceCache),
     * so another source or another detector setting never reuses faces aligned with the old one.
     */
    String describe();
}
