package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.Sample;

import java.util.Optional;

/** Where an image's alignment points come from, best source first (issue 5): the dataset's own files, then none. */
public interface LandmarkSource {
    /** No landmarks for any image: every face takes the aligner's fallback. */
    LandmarkSource NONE = sample -> Optional.empty();

    /**
     * @throws io.github.mbaseresnet.data.DatasetException when a landmark file exists but is malformed (naming it);
     *                                                     a missing file is an empty result, counted as a fallback
     */
    Optional<Landmarks> find(Sample sample);
}
