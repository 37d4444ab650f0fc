package io.github.mbaseresnet.data;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Writes small synthetic image fixtures (never real faces) for the data tests. */
public final class TestImages {
    private TestImages() {
    }

    /** An 8-bit gray image whose row-major samples are {@code values}. */
    public static BufferedImage gray8(int width, int height, int... values) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setPixels(0, 0, width, height, values);
        return img;
    }

    /** A palette image whose colour map sends index i to gray (255 - i); row-major {@code indices}. */
    public static BufferedImage invertedPalette(int width, int height, int... indices) {
        byte[] map = new byte[256];
        for (int i = 0; i < 256; i++) {
            map[i] = (byte) (255 - i);
        }
        IndexColorModel cm = new IndexColorModel(8, 256, map, map, map);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, cm);
        img.getRaster().setPixels(0, 0, width, height, indices);
        return img;
    }

    /** Writes an uncompressed TIFF with the given byte order ({@code MM} big-endian, {@code II} little-endian). */
    public static Path writeTiff(BufferedImage img, Path file, ByteOrder order) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try {
            Files.deleteIfExists(file);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_DISABLED);
                writer.write(byteOrder(writer.getDefaultStreamMetadata(param), order),
                        new IIOImage(img, null, null), param);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** The JDK TIFF writer takes the byte order from its stream metadata, not from the output stream. */
    private static IIOMetadata byteOrder(IIOMetadata streamMetadata, ByteOrder order) throws IOException {
        String format = streamMetadata.getNativeMetadataFormatName();
        IIOMetadataNode root = new IIOMetadataNode(format);
        IIOMetadataNode byteOrder = new IIOMetadataNode("ByteOrder");
        byteOrder.setAttribute("value", order.toString());
        root.appendChild(byteOrder);
        streamMetadata.setFromTree(format, root);
        return streamMetadata;
    }

    /** Writes {@code img} with ImageIO's writer for {@code format} (png, bmp). */
    public static Path write(BufferedImage img, String format, Path file) {
        try {
            if (!ImageIO.write(img, format, file.toFile())) {
                throw new IllegalStateException("no ImageIO writer for " + format + " and " + img);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
