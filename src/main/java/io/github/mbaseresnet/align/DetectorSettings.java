package io.github.mbaseresnet.align;

/**
 * The settings of {@link FaceDetector} ({@code fer.detect.*}, README "Settings"): OpenCV's cascade detector
 * ({@code CascadeClassifier.detectMultiScale}) has no values the paper could have given, so each is named here.
 *
 * @param faceCascade   the face cascade shipped in the opencv jar: {@code haarcascade_frontalface_alt2},
 *                      {@code haarcascade_frontalface_default}, {@code lbpcascade_frontalface_improved}, …
 * @param eyeCascade    the eye cascade searched inside the upper half of each face box
 * @param scaleFactor   image pyramid step of {@code detectMultiScale} (> 1)
 * @param minNeighbours overlapping detections a face (or eye) needs to count ({@code minNeighbors})
 * @param minFace       smallest face searched, as a share of the image's shorter side, in (0, 1]
 * @param searchSide    the image is reduced to this longest side (pixels) for the face search, not for the eyes
 */
public record DetectorSettings(String faceCascade, String eyeCascade, double scaleFactor, int minNeighbours,
        double minFace, int searchSide) {
    public static final DetectorSettings DEFAULT = new DetectorSettings("haarcascade_frontalface_alt2",
            "haarcascade_eye", 1.1, 3, 0.08, 640);

    public DetectorSettings {
        if (!(scaleFactor > 1)) {
            throw new IllegalArgumentException("detector scale factor (fer.detect.scale) must be > 1, got "
                    + scaleFactor);
        }
        if (minNeighbours < 0) {
            throw new IllegalArgumentException("detector minimum neighbours (fer.detect.neighbours) must be >= 0, got "
                    + minNeighbours);
        }
        if (!(minFace > 0 && minFace <= 1)) {
            throw new IllegalArgumentException("smallest face (fer.detect.min.face) must be in (0, 1], got "
                    + minFace);
        }
        if (searchSide < 64) {
            throw new IllegalArgumentException("face search side (fer.detect.side) must be >= 64, got " + searchSide);
        }
    }

    /** A short description recorded in run records. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "opencv(%s, %s, scale %s, neighbours %d, min face %s, side %d)",
                faceCascade, eyeCascade, scaleFactor, minNeighbours, minFace, searchSide);
    }
}
