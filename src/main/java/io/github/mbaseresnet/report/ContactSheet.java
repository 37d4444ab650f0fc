package io.github.mbaseresnet.report;

import io.github.mbaseresnet.align.FaceBox;
import io.github.mbaseresnet.align.Landmarks;
import io.github.mbaseresnet.align.Point;
import io.github.mbaseresnet.data.GrayImage;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Issue 5's "Visibility": one PNG per prepared dataset showing whether alignment worked on the user's copy. One row
 * per class (its code on the left, then a few aligned crops as the network sees them), then a row of originals with
 * their landmarks (red dots) and, where a detector found the face, its box (green), each captioned with the landmark
 * source. Drawn with Java2D; the geometry is {@link Layout}'s.
 */
public final class ContactSheet {
    private static final Color BACKGROUND = new Color(40, 40, 40);

    private ContactSheet() {
    }

    /** A class's row: its label and a few of its aligned faces. */
    public record ClassRow(String label, List<GrayImage> faces) {
        public ClassRow {
            faces = List.copyOf(faces);
        }
    }

    /** An image as the dataset ships it, with the landmarks it was aligned with (empty: the fallback). */
    public record Original(GrayImage image, Optional<Landmarks> landmarks) {
    }

    /**
     * Where everything goes, in pixels: square tiles of side {@code tile} with {@code gap} between and around them, a
     * label column of {@code labelWidth}, a band of {@code bandHeight} above the classes (the title) and above the
     * originals (their legend), and originals fitted into squares of side {@code originalSide}.
     */
    public record Layout(int tile, int gap, int labelWidth, int bandHeight, int originalSide) {
        public static final Layout DEFAULT = new Layout(96, 6, 56, 28, 192);

        /** Wide enough for the longest class row and for the row of originals. */
        public int width(int perClass, int originals) {
            return gap + Math.max(labelWidth + perClass * (tile + gap), originals * (originalSide + gap));
        }

        /** The title band, one row per class, and the originals' band and row when there are originals. */
        public int height(int classes, int originals) {
            return bandHeight + classes * (tile + gap) + (originals > 0 ? bandHeight + originalSide + gap : 0) + gap;
        }

        /** Top-left corner of the {@code column}-th aligned face of class row {@code row}. */
        public java.awt.Point tile(int row, int column) {
            return new java.awt.Point(gap + labelWidth + column * (tile + gap), bandHeight + row * (tile + gap));
        }

        /** Top-left corner of the square holding the {@code index}-th original, below {@code classes} rows. */
        public java.awt.Point original(int classes, int index) {
            return new java.awt.Point(gap + index * (originalSide + gap), bandHeight + classes * (tile + gap)
                    + bandHeight);
        }
    }

    /** Where a dataset's sheet is written: {@code <results>/figures/<dataset>-contact-sheet.png}, by tests and CLI. */
    public static java.nio.file.Path file(java.nio.file.Path resultsDir, String dataset) {
        return resultsDir.resolve("figures").resolve(dataset + "-contact-sheet.png");
    }

    public static byte[] render(String title, List<ClassRow> rows, List<Original> originals, Layout layout) {
        int perClass = rows.stream().mapToInt(r -> r.faces().size()).max().orElse(0);
        BufferedImage sheet = new BufferedImage(layout.width(perClass, originals.size()),
                layout.height(rows.size(), originals.size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, layout.gap(), layout.bandHeight() - 9);
        for (int r = 0; r < rows.size(); r++) {
            java.awt.Point first = layout.tile(r, 0);
            g.setColor(Color.WHITE);
            g.drawString(rows.get(r).label(), layout.gap(), first.y + layout.tile() / 2 + 5);
            for (int c = 0; c < rows.get(r).faces().size(); c++) {
                java.awt.Point at = layout.tile(r, c);
                g.drawImage(gray(rows.get(r).faces().get(c)), at.x, at.y, layout.tile(), layout.tile(), null);
            }
        }
        if (!originals.isEmpty()) {
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("originals: landmarks (red), detected face box (green)", layout.gap(),
                    layout.original(rows.size(), 0).y - 9);
            for (int i = 0; i < originals.size(); i++) {
                drawOriginal(g, originals.get(i), layout.original(rows.size(), i), layout.originalSide());
            }
        }
        g.dispose();
        return png(sheet);
    }

    /** The original fitted into a square at {@code at}, aspect kept, with its points, box and source drawn on it. */
    private static void drawOriginal(Graphics2D g, Original original, java.awt.Point at, int side) {
        GrayImage image = original.image();
        double scale = (double) side / Math.max(image.width(), image.height());
        int w = (int) Math.round(image.width() * scale);
        int h = (int) Math.round(image.height() * scale);
        g.drawImage(gray(image), at.x, at.y, w, h, null);
        g.setStroke(new BasicStroke(2));
        original.landmarks().flatMap(Landmarks::box).ifPresent((FaceBox b) -> {
            g.setColor(Color.GREEN);
            g.drawRect(at.x + (int) Math.round(b.x() * scale), at.y + (int) Math.round(b.y() * scale),
                    (int) Math.round(b.width() * scale), (int) Math.round(b.height() * scale));
        });
        g.setColor(Color.RED);
        for (Point p : original.landmarks().map(Landmarks::points).orElse(List.of())) {
            g.fillOval(at.x + (int) Math.round(p.x() * scale) - 3, at.y + (int) Math.round(p.y() * scale) - 3, 6, 6);
        }
        g.setColor(Color.YELLOW);
        g.drawString(original.landmarks().map(Landmarks::source).orElse("none (fallback)"), at.x + 3, at.y + h - 4);
    }

    static BufferedImage gray(GrayImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = image.bytes();
        System.arraycopy(px, 0, ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData(), 0,
                px.length);
        return out;
    }

    static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG: " + e.getMessage(), e);
        }
    }
}
