package io.github.mbaseresnet.report;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.eval.ConfusionMatrix;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {
    private static BufferedImage decode(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void theConfusionMatrixIsAPngWhoseDiagonalIsDarkerThanItsEmptyCells() throws Exception {
        ConfusionMatrix cm = ConfusionMatrix.empty(ClassSet.SIX_BASIC);
        for (int c = 0; c < 6; c++) {
            for (int i = 0; i < 10; i++) {
                cm = cm.plus(c, c);
            }
        }
        byte[] png = Figures.confusionMatrix(cm, "all correct");
        java.nio.file.Files.write(java.nio.file.Path.of("target/figures-test-confusion.png"), png); // to look at
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(560);
        // a 100% cell is dark blue somewhere in the plot: count pixels much bluer than red
        int blue = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if ((rgb & 0xff) - ((rgb >> 16) & 0xff) > 100) { // 100% is (38, 76, 166)
                    blue++;
                }
            }
        }
        assertThat(blue).isGreaterThan(6 * 1000);
    }

    @Test
    void learningCurvesArePngs() throws Exception {
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("MBA-SE-ResNet", new double[] {20, 40, 60});
        curves.put("CNN (baseline)", new double[] {18, 30, 45});
        assertThat(decode(Figures.accuracyPerEpoch(curves, "curves")).getWidth()).isEqualTo(800);
    }
}
