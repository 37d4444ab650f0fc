package io.github.mbaseresnet.report;

import io.github.mbaseresnet.align.Landmarks;
import io.github.mbaseresnet.align.Point;
import io.github.mbaseresnet.data.GrayImage;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A photograph with each detected face's box (green), landmarks (red) and caption (the most likely expression),
 * for {@code fer predict --annotate} (issue 7). Drawn at the photograph's own size, so boxes are in its pixels.
 */
public final class AnnotatedPhoto {
    private AnnotatedPhoto() {
    }

    /** @param captions one per face, in the order of {@code faces} */
    public static byte[] render(GrayImage photo, List<Landmarks> faces, List<String> captions) {
        if (faces.size() != captions.size()) {
            throw new IllegalArgumentException(faces.size() + " faces but " + captions.size() + " captions");
        }
        BufferedImage image = new BufferedImage(photo.width(), photo.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.drawImage(ContactSheet.gray(photo), 0, 0, null);
        int line = Math.max(2, photo.width() / 400); // visible on a large photograph, not a blot on a small one
        g.setStroke(new BasicStroke(line));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, photo.width() / 60)));
        for (int i = 0; i < faces.size(); i++) {
            Landmarks face = faces.get(i);
            int top = face.box().map(b -> {
                g.setColor(Color.GREEN);
                g.drawRect((int) Math.round(b.x()), (int) Math.round(b.y()), (int) Math.round(b.width()),
                        (int) Math.round(b.height()));
                return (int) Math.round(b.y());
            }).orElse((int) Math.round(face.points().get(0).y()));
            g.setColor(Color.RED);
            for (Point p : face.points()) {
                g.fillOval((int) Math.round(p.x()) - 2 * line, (int) Math.round(p.y()) - 2 * line, 4 * line, 4 * line);
            }
            int left = face.box().map(b -> (int) Math.round(b.x())).orElse((int) Math.round(face.points().get(0).x()));
            int height = g.getFontMetrics().getHeight();
            int width = g.getFontMetrics().stringWidth(captions.get(i));
            int y = Math.max(height, top - line);
            g.setColor(Color.BLACK);
            g.fillRect(left, y - height + 2, width + 6, height);
            g.setColor(Color.YELLOW);
            g.drawString(captions.get(i), left + 3, y - g.getFontMetrics().getDescent());
        }
        g.dispose();
        return ContactSheet.png(image);
    }
}
