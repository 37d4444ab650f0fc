package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.GrayImage;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Issue 5's second landmark source: OpenCV's Viola–Jones cascades (the JavaCPP presets, the cascades shipped inside
 * the opencv jar). Faces are searched on the image reduced to {@link DetectorSettings#searchSide}, histogram
 * equalised; the eyes inside the upper half of each face box, cut from the full-resolution image and resized to a
 * face {@link #EYE_SEARCH_WIDTH} pixels wide. A face whose two eyes are found
 * (one on each side of the box's centre, the largest candidate per side) gets them as its landmarks
 * ({@link #EYES}); otherwise the eye positions are estimated from the box ({@link #FACE_BOX}, fractions below). Each
 * face is a {@link Landmarks} with its box.
 *
 * <p>Owns two native classifiers: close it. OpenCV's {@code CascadeClassifier} is not thread-safe, so neither is
 * this class; use one detector per thread.
 */
public final class FaceDetector implements AutoCloseable {
    /** Landmark source of eyes found by the eye cascade. */
    public static final String EYES = "opencv-eyes";
    /** Landmark source of eyes estimated from the face box. */
    public static final String FACE_BOX = "opencv-face-box";
    /**
     * Where the eyes sit in a face box, as fractions of its width and height: the means over the faces of the
     * face-api demo photographs whose two eyes the eye cascade found with the default settings (0.303, 0.668 and
     * 0.364 over 10 faces; FaceDetectionPhotoTest, README "Face alignment and detection").
     */
    static final double EYE_LEFT_X = 0.30;
    static final double EYE_RIGHT_X = 0.67;
    static final double EYE_Y = 0.36;
    /** Width (pixels) a face's upper half is resized to for the eye search. */
    static final int EYE_SEARCH_WIDTH = 160;
    private static final String CASCADES = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/";

    private final DetectorSettings settings;
    private final CascadeClassifier faces;
    private final CascadeClassifier eyes;

    public FaceDetector(DetectorSettings settings) {
        this.settings = settings;
        this.faces = load(settings.faceCascade());
        try {
            this.eyes = load(settings.eyeCascade());
        } catch (RuntimeException e) {
            faces.close();
            throw e;
        }
    }

    /** A cascade from the opencv jar, extracted once to JavaCPP's cache (the classifier reads a file, not a stream). */
    private static CascadeClassifier load(String name) {
        String folder = name.startsWith("lbp") ? "lbpcascades/" : "haarcascades/";
        File file;
        try {
            file = Loader.cacheResource(CASCADES + folder + name + ".xml");
        } catch (IOException e) {
            throw new IllegalStateException("cannot extract the OpenCV cascade " + name + ": " + e.getMessage(), e);
        }
        if (file == null) {
            throw new IllegalArgumentException("no OpenCV cascade named " + name + " in the opencv jar (" + CASCADES
                    + folder + ")");
        }
        CascadeClassifier classifier = new CascadeClassifier();
        if (!classifier.load(file.getAbsolutePath()) || classifier.empty()) {
            classifier.close();
            throw new IllegalStateException("OpenCV cannot load the cascade " + file);
        }
        return classifier;
    }

    /**
     * Every face found, each with its eye centres (found, or estimated from the box), the likeliest first: faces whose
     * eyes were found, then by decreasing box area. An image without a face gives an empty list.
     */
    public List<Landmarks> detect(GrayImage image) {
        try (Mat full = toMat(image); Mat search = new Mat()) {
            double shrink = Math.min(1, (double) settings.searchSide() / Math.max(image.width(), image.height()));
            resize(full, search, new Size((int) Math.round(image.width() * shrink),
                    (int) Math.round(image.height() * shrink)), 0, 0, INTER_AREA);
            equalizeHist(search, search);
            int minFace = (int) Math.round(settings.minFace() * Math.min(search.cols(), search.rows()));
            List<Landmarks> found = new ArrayList<>();
            for (FaceBox r : detect(faces, search, minFace, 0)) {
                FaceBox box = new FaceBox(r.x() / shrink, r.y() / shrink, r.width() / shrink, r.height() / shrink);
                List<Point> points = eyes(full, box).map(Landmarks::points).orElse(null);
                found.add(points != null ? new Landmarks(points, EYES, Optional.of(box)) : new Landmarks(List.of(
                        box.at(EYE_LEFT_X, EYE_Y), box.at(EYE_RIGHT_X, EYE_Y)), FACE_BOX, Optional.of(box)));
            }
            // the likeliest faces first: a box whose two eyes were found, then the larger box
            found.sort(Comparator.comparing((Landmarks f) -> !f.source().equals(EYES))
                    .thenComparing(f -> -f.box().orElseThrow().width() * f.box().orElseThrow().height()));
            return found;
        }
    }

    /**
     * The two eye centres inside the upper half of {@code box} (in {@code image}'s pixels), one on each side of the
     * box's centre, if both are found; the result carries no box (the caller has it).
     */
    public Optional<Landmarks> eyes(GrayImage image, FaceBox box) {
        try (Mat full = toMat(image)) {
            return eyes(full, box);
        }
    }

    private Optional<Landmarks> eyes(Mat full, FaceBox box) {
        int x0 = (int) Math.max(0, Math.round(box.x()));
        int y0 = (int) Math.max(0, Math.round(box.y()));
        int w = (int) Math.min(full.cols() - x0, Math.round(box.width()));
        int h = (int) Math.min(full.rows() - y0, Math.round(box.height() / 2));
        if (w < 8 || h < 8) {
            return Optional.empty();
        }
        // the upper half resized to a face EYE_SEARCH_WIDTH wide: eyes of small faces (96-px images) reach the eye
        // cascade's 20-px window, and those of large faces cost no more than a medium one
        double k = (double) EYE_SEARCH_WIDTH / w;
        try (Rect roi = new Rect(x0, y0, w, h); Mat upper = new Mat(full, roi); Mat scaled = new Mat()) {
            resize(upper, scaled, new Size(EYE_SEARCH_WIDTH, Math.max(1, (int) Math.round(h * k))), 0, 0,
                    k < 1 ? INTER_AREA : INTER_LINEAR);
            equalizeHist(scaled, scaled);
            FaceBox left = null;
            FaceBox right = null;
            // an eye is about a fifth of the face's width; the bounds keep nostrils and whole brow regions out
            for (FaceBox e : detect(eyes, scaled, (int) Math.round(EYE_SEARCH_WIDTH * 0.12),
                    (int) Math.round(EYE_SEARCH_WIDTH * 0.45))) {
                boolean onLeft = e.x() + e.width() / 2 < EYE_SEARCH_WIDTH / 2.0;
                FaceBox best = onLeft ? left : right;
                if (best == null || e.width() * e.height() > best.width() * best.height()) {
                    if (onLeft) {
                        left = e;
                    } else {
                        right = e;
                    }
                }
            }
            if (left == null || right == null) {
                return Optional.empty();
            }
            return Optional.of(new Landmarks(List.of(left.at(0.5, 0.5), right.at(0.5, 0.5)).stream()
                    .map(p -> new Point(x0 + p.x() / k, y0 + p.y() / k)).toList(), EYES));
        }
    }

    /** {@code detectMultiScale}'s boxes, in {@code image}'s pixels ({@code maxSize} 0: no upper bound). */
    private List<FaceBox> detect(CascadeClassifier cascade, Mat image, int minSize, int maxSize) {
        try (RectVector out = new RectVector(); Size min = new Size(minSize, minSize);
                Size max = new Size(maxSize, maxSize)) {
            cascade.detectMultiScale(image, out, settings.scaleFactor(), settings.minNeighbours(), 0, min, max);
            List<FaceBox> boxes = new ArrayList<>();
            for (long i = 0; i < out.size(); i++) {
                Rect r = out.get(i);
                boxes.add(new FaceBox(r.x(), r.y(), r.width(), r.height()));
            }
            return boxes;
        }
    }

    private static Mat toMat(GrayImage image) {
        Mat mat = new Mat(image.height(), image.width(), CV_8UC1);
        mat.data().put(image.bytes());
        return mat;
    }

    /** A short description recorded in run records. */
    public String describe() {
        return settings.describe();
    }

    @Override
    public void close() {
        faces.close();
        eyes.close();
    }
}
