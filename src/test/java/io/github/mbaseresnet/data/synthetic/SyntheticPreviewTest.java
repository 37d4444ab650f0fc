package io.github.mbaseresnet.data.synthetic;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.Expression;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes {@code target/synthetic-preview.png} for a person to look at: one row per expression (neutral first) for
 * two subjects; the first three columns are noise-free renderings at the lowest, middle and peak intensity, the
 * last three the corresponding dataset images (variant 1) with pose, light and noise. The bottom row shows
 * every subject of the default config, neutral and noise-free.
 */
class SyntheticPreviewTest {

    private static final int ZOOM = 2;

    @Test
    void writesContactSheet() throws Exception {
        SyntheticConfig config = SyntheticConfig.DEFAULT;
        SyntheticDataset dataset = new SyntheticDataset(config);
        SyntheticFaceGenerator generator = new SyntheticFaceGenerator(config.imageSize());
        List<Expression> rows = new ArrayList<>(List.of(Expression.NEUTRAL));
        rows.addAll(ClassSet.SIX_BASIC.expressions());
        int[] subjects = {1, 2};
        int cols = 6;
        int cell = config.imageSize() * ZOOM;
        BufferedImage sheet = new BufferedImage(cols * cell * subjects.length + (subjects.length - 1) * 8,
                (rows.size() + 1) * cell, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        for (int si = 0; si < subjects.length; si++) {
            int subject = subjects[si];
            SubjectIdentity id = SubjectIdentity.of(config.seed(), subject);
            for (int r = 0; r < rows.size(); r++) {
                Expression e = rows.get(r);
                for (int c = 0; c < cols; c++) {
                    int level = 1 + c % 3;
                    BufferedImage img;
                    if (c < 3) {
                        img = generator.render(id, ExpressionShape.of(e, dataset.intensity(level)), Nuisance.NONE,
                                new Random(0));
                    } else if (e == Expression.NEUTRAL) {
                        img = generator.render(id, e, 0, new Random(level));
                    } else {
                        img = dataset.render(generator, subject, e, level, 1);
                    }
                    g.drawImage(img, (si * cols + c) * cell + si * 8, r * cell, cell, cell, null);
                }
            }
        }
        for (int subject = 1; subject <= config.subjects(); subject++) {
            BufferedImage img = generator.render(SubjectIdentity.of(config.seed(), subject),
                    ExpressionShape.NEUTRAL, Nuisance.NONE, new Random(0));
            g.drawImage(img, (subject - 1) * cell, rows.size() * cell, cell, cell, null);
        }
        g.dispose();
        Path out = Path.of("target", "synthetic-preview.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(sheet, "png", out.toFile());
        assertThat(out).isRegularFile();
    }
}
