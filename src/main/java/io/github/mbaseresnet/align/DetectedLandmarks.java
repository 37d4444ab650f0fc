package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.GrayImage;
import io.github.mbaseresnet.data.Sample;

import java.util.Optional;

/**
 * Issue 5's second tier: the likeliest face {@link FaceDetector} finds in the image (eyes found before eyes estimated
 * from the box, then the largest); an image without a face gives none, so it takes the counted fallback. Owns the
 * detector and closes it; not thread-safe (one per preparation).
 */
public final class DetectedLandmarks implements LandmarkSource {
    private final DetectorSettings settings;
    private final FaceDetector detector;

    public DetectedLandmarks(DetectorSettings settings) {
        this.settings = settings;
        this.detector = new FaceDetector(settings);
    }

    /** The detector and every setting of it, so the face cache never serves faces found with other settings. */
    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public Optional<Landmarks> find(Sample sample, GrayImage image) {
        return detector.detect(image).stream().findFirst();
    }

    @Override
    public void close() {
        detector.close();
    }
}
