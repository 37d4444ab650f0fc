package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.GrayImage;
import io.github.mbaseresnet.data.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LandmarkAlignmentTest {
    /** CK+'s landmarks come from the file: the image's pixels play no part. */
    private static final GrayImage UNREAD = new GrayImage(1, 1, new float[1]);

    /** A CK+-layout landmark file: 68 "x y" lines; eye points spread ±1 around (ex, ey) so their mean is exact. */
    private static Path writeCkLandmarks(Path root, double lx, double rx, double eyeY, int points) throws Exception {
        Path file = root.resolve("Landmarks/S005/001/S005_001_00000011_landmarks.txt");
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double x = 100;
            double y = 100;
            if (i >= 36 && i < 42) {
                x = lx + (i % 2 == 0 ? 1 : -1);
                y = eyeY;
            } else if (i >= 42 && i < 48) {
                x = rx + (i % 2 == 0 ? 1 : -1);
                y = eyeY;
            } else if (i == 30) {
                x = 150;
                y = 250;
            }
            lines.add(String.format(Locale.ROOT, "   %.7e   %.7e", x, y));
        }
        Files.write(file, lines);
        return root.resolve("cohn-kanade-images/S005/001/S005_001_00000011.png");
    }

    @Test
    void ckPlusLandmarkFilesGiveTheEyeCentresNoseAndMouthCorners(@TempDir Path dir) throws Exception {
        Path image = writeCkLandmarks(dir, 200, 300, 180, 68);
        Landmarks l = new CkPlusLandmarks().find(new Sample(image, "S005", Expression.DISGUST, "S005_001", 11), UNREAD)
                .orElseThrow();
        assertThat(l.source()).isEqualTo("ckplus-68");
        assertThat(l.points().get(0).x()).isCloseTo(200, within(1e-9));
        assertThat(l.points().get(1).x()).isCloseTo(300, within(1e-9));
        assertThat(l.points().get(1).y()).isCloseTo(180, within(1e-9));
        assertThat(l.points().get(2)).isEqualTo(new Point(150, 250)); // nose tip, point 31
        assertThat(l.points()).hasSize(5);
    }

    @Test
    void aLandmarkFileWithTheWrongNumberOfPointsNamesTheFile(@TempDir Path dir) throws Exception {
        Path image = writeCkLandmarks(dir, 200, 300, 180, 67);
        assertThatThrownBy(() -> new CkPlusLandmarks().find(new Sample(image, "S005", Expression.DISGUST, "S", 1),
                UNREAD))
                .isInstanceOf(DatasetException.class).hasMessageContaining("_landmarks.txt")
                .hasMessageContaining("expected 68 landmark points, found 67");
    }

    @Test
    void anImageWithoutALandmarkFileHasNone(@TempDir Path dir) {
        Path image = dir.resolve("cohn-kanade-images/S010/002/S010_002_00000001.png");
        assertThat(new CkPlusLandmarks().find(new Sample(image, "S010", Expression.HAPPINESS, "S", 1), UNREAD))
                .isEmpty();
    }

    @Test
    void theEyesLandOnTheTemplatePositions() {
        // a 200×200 image, dark except two bright 3×3 dots at the eye positions (60, 90) and (120, 70): a tilted
        // face. Aligned to 70×70, the brightest pixels must sit at the template's eyes (23.93, 32.31), (45.96, 32.19)
        float[] px = new float[200 * 200];
        for (int[] eye : new int[][] {{60, 90}, {120, 70}}) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    px[(eye[1] + dy) * 200 + eye[0] + dx] = 1;
                }
            }
        }
        var points = List.of(new Point(60, 90), new Point(120, 70));
        GrayImage out = new LandmarkAligner(70, new CentreCropAligner(70, 1)).align(new GrayImage(200, 200, px),
                Optional.of(new Landmarks(points, "test")));
        List<Point> template = CanonicalTemplate.inPixels(2, 70);
        assertThat(template.get(0).x()).isCloseTo(23.934, within(1e-3));
        for (Point eye : template) {
            int x = (int) Math.round(eye.x());
            int y = (int) Math.round(eye.y());
            assertThat(out.at(x, y)).as("eye at %s", eye).isGreaterThan(0.5f);
        }
        assertThat(out.at(35, 60)).isZero(); // between the eyes and below: dark
    }

    @Test
    void withoutLandmarksTheFallbackAligns() {
        var fallback = new CentreCropAligner(70, 1);
        GrayImage img = new GrayImage(100, 100, new float[100 * 100]);
        assertThat(new LandmarkAligner(70, fallback).align(img, Optional.empty()).pixels())
                .containsExactly(fallback.align(img, Optional.empty()).pixels());
        assertThat(new LandmarkAligner(70, fallback).describe()).contains("insightface-5").contains("centre-crop");
    }
}
