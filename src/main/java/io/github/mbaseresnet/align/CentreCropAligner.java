package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.GrayImage;


import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Optional;

/**
 * Stand-in for landmark alignment: the centred square of side {@code fraction · min(width, height)}, resized to
 * {@code size}×{@code size} with bilinear interpolation. Faces in JAFFE and the embedded dataset are roughly centred,
 * so this keeps the face; proper five-landmark alignment (PAPER.md §4) replaces it later.
 *
 * @param size     output side in pixels (70 in the paper)
 * @param fraction share of the shorter image side kept around the centre, in (0, 1]
 */
public record CentreCropAligner(int size, double fraction) implements FaceAligner {

    public CentreCropAligner {
        if (size < 8) {
            throw new IllegalArgumentException("aligned face size (fer.align.size) must be >= 8, got " + size);
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("centre-crop fraction (fer.align.fraction) must be in (0, 1], got "
                    + fraction);
        }
    }

    @Override
    public GrayImage align(GrayImage image, Optional<Landmarks> ignored) {
        int side = Math.max(1, (int) Math.round(fraction * Math.min(image.width(), image.height())));
        int x0 = (image.width() - side) / 2;
        int y0 = (image.height() - side) / 2;
        BufferedImage src = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        byte[] srcPixels = ((DataBufferByte) src.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                srcPixels[y * side + x] = (byte) Math.round(255 * image.at(x0 + x, y0 + y));
            }
        }
        BufferedImage dst = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        var g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, size, size, null);
        g.dispose();
        byte[] dstPixels = ((DataBufferByte) dst.getRaster().getDataBuffer()).getData();
        float[] out = new float[size * size];
        for (int i = 0; i < out.length; i++) {
            out[i] = (dstPixels[i] & 0xFF) / 255f;
        }
        return new GrayImage(size, size, out);
    }

    @Override
    public String describe() {
        return "centre-crop(" + fraction + ")->" + size + "x" + size;
    }
}
