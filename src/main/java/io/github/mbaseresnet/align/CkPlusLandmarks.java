package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.GrayImage;
import io.github.mbaseresnet.data.Sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CK+'s own landmarks (DATASETS.md §1): {@code Landmarks/S005/001/S005_001_00000011_landmarks.txt} next to
 * {@code cohn-kanade-images/}, 68 AAM points per frame, one "x y" line each (floats such as {@code 2.5e+02}), in the
 * iBUG 68-point order. The five alignment points: eye centres = means of points 37–42 and 43–48, nose tip 31, mouth
 * corners 49 and 55 (1-based, as the iBUG scheme numbers them).
 */
public final class CkPlusLandmarks implements LandmarkSource {
    private static final int POINTS = 68;
    private static final String SOURCE = "ckplus-68";

    @Override
    public Optional<Landmarks> find(Sample sample, GrayImage image) {
        Optional<Path> file = landmarkFile(sample.image());
        return file.map(CkPlusLandmarks::read);
    }

    /** The landmark file of an image, if the copy has one (also under a doubled {@code Landmarks/Landmarks/}). */
    static Optional<Path> landmarkFile(Path image) {
        Path sequenceDir = image.getParent();
        if (sequenceDir == null || sequenceDir.getParent() == null || sequenceDir.getParent().getParent() == null) {
            return Optional.empty();
        }
        Path subjectDir = sequenceDir.getParent();
        Path imagesDir = subjectDir.getParent();
        String name = image.getFileName().toString().replaceFirst("\\.[^.]+$", "") + "_landmarks.txt";
        for (Path base : List.of(imagesDir.resolveSibling("Landmarks"),
                imagesDir.resolveSibling("Landmarks").resolve("Landmarks"))) {
            Path candidate = base.resolve(subjectDir.getFileName()).resolve(sequenceDir.getFileName()).resolve(name);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return SOURCE;
    }

    static Landmarks read(Path file) {
        List<Point> points = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] xy = line.trim().split("\\s+");
                if (xy.length != 2) {
                    throw new DatasetException(file, "line " + (points.size() + 1) + " has " + xy.length
                            + " numbers, expected 2 (x y)");
                }
                points.add(new Point(Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
            }
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read the landmark file: " + e.getMessage());
        } catch (NumberFormatException e) {
            throw new DatasetException(file, "not a number in the landmark file: " + e.getMessage());
        }
        if (points.size() != POINTS) {
            throw new DatasetException(file, "expected " + POINTS + " landmark points, found " + points.size());
        }
        return new Landmarks(List.of(mean(points, 36, 42), mean(points, 42, 48), points.get(30), points.get(48),
                points.get(54)), SOURCE);
    }

    private static Point mean(List<Point> points, int from, int to) {
        double x = 0;
        double y = 0;
        for (int i = from; i < to; i++) {
            x += points.get(i).x() / (to - from);
            y += points.get(i).y() / (to - from);
        }
        return new Point(x, y);
    }
}
