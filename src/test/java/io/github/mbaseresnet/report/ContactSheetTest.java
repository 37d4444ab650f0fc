package io.github.mbaseresnet.report;

import io.github.mbaseresnet.align.FaceBox;
import io.github.mbaseresnet.align.Landmarks;
import io.github.mbaseresnet.align.Point;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.GrayImage;
import io.github.mbaseresnet.experiment.DatasetSource;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.experiment.Reproduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ContactSheetTest {
    private static final ContactSheet.Layout LAYOUT = ContactSheet.Layout.DEFAULT;

    private static GrayImage white(int side) {
        float[] px = new float[side * side];
        Arrays.fill(px, 1f);
        return new GrayImage(side, side, px);
    }

    private static int gray(BufferedImage sheet, java.awt.Point at, int dx, int dy) {
        return sheet.getRGB(at.x + dx, at.y + dy) & 0xFF;
    }

    @Test
    void theGridHasOneTilePerFaceAndTheComputedSize(@TempDir Path dir) throws Exception {
        // classes with 2, 0 and 3 faces, two originals: 3 columns, 3 rows, white tiles on the dark background
        var rows = List.of(new ContactSheet.ClassRow("AN", List.of(white(70), white(70))),
                new ContactSheet.ClassRow("DI", List.of()),
                new ContactSheet.ClassRow("FE", List.of(white(70), white(70), white(70))));
        var originals = List.of(new ContactSheet.Original(white(200), Optional.of(new Landmarks(List.of(new Point(60,
                        80), new Point(140, 80)), "opencv-eyes", Optional.of(new FaceBox(30, 30, 140, 140))))),
                new ContactSheet.Original(white(100), Optional.empty()));
        Path file = dir.resolve("figures/synthetic-contact-sheet.png");
        AtomicFiles.write(file, ContactSheet.render("test", rows, originals, LAYOUT));
        assertThat(file).isRegularFile();
        BufferedImage sheet = ImageIO.read(file.toFile());
        // by hand from Layout.DEFAULT (tile 96, gap 6, label 56, band 28, original 192):
        // width 6 + max(56 + 3·102, 2·198) = 402; height 28 + 3·102 + (28 + 192 + 6) + 6 = 566
        assertThat(sheet.getWidth()).isEqualTo(402).isEqualTo(LAYOUT.width(3, 2));
        assertThat(sheet.getHeight()).isEqualTo(566).isEqualTo(LAYOUT.height(3, 2));
        int tiles = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                tiles += gray(sheet, LAYOUT.tile(r, c), LAYOUT.tile() / 2, LAYOUT.tile() / 2) == 255 ? 1 : 0;
            }
        }
        assertThat(tiles).isEqualTo(5);
        assertThat(gray(sheet, LAYOUT.tile(1, 0), 48, 48)).isEqualTo(40); // DI has no face: background
        java.awt.Point first = LAYOUT.original(3, 0);
        assertThat(gray(sheet, first, 10, 10)).isEqualTo(255); // the white original, scaled to 192 px
        // its face box (green) at 30·0.96 = 28.8 → 29 px from its corner, its eyes (red) at (58, 77)
        assertThat(new java.awt.Color(sheet.getRGB(first.x + 29, first.y + 100))).isEqualTo(java.awt.Color.GREEN);
        assertThat(new java.awt.Color(sheet.getRGB(first.x + 58, first.y + 77))).isEqualTo(java.awt.Color.RED);
    }

    @Test
    void theEmbeddedDatasetsSheetShowsEveryClassAndTheOriginals() throws Exception {
        HarnessSettings settings = HarnessSettings.of(Map.of());
        DatasetSource.LoadedDataset synthetic = new DatasetSource(settings).load(DatasetId.SYNTHETIC).orElseThrow();
        byte[] png = new Reproduction(settings, m -> { }).contactSheet(synthetic, 3, 4);
        BufferedImage sheet = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(sheet.getWidth()).isEqualTo(LAYOUT.width(3, 4));
        assertThat(sheet.getHeight()).isEqualTo(LAYOUT.height(6, 4));
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 3; c++) {
                int v = gray(sheet, LAYOUT.tile(r, c), LAYOUT.tile() / 2, LAYOUT.tile() / 2);
                assertThat(v).as("tile %d,%d holds a face, not the background", r, c).isNotEqualTo(40);
            }
        }

    }
}
