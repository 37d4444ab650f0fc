package io.github.mbaseresnet.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** Reading image files as gray luminance. */
public final class ImageFiles {
    private static final float WR = 0.299f;
    private static final float WG = 0.587f;
    private static final float WB = 0.114f;

    private ImageFiles() {
    }

    /**
     * Reads any image ImageIO understands (PNG, JPEG, BMP, TIFF incl. palette TIFFs) as gray luminance.
     * The conversion is explicit, whatever the decoded type: gray samples are scaled by their bit depth, palette
     * indices are looked up in the colour map, and colour pixels are weighted with ITU-R BT.601
     * (0.299 R + 0.587 G + 0.114 B); alpha is ignored. JAFFE mixes 8-bit gray and palette TIFFs (DATASETS.md §6).
     *
     * @throws DatasetException naming the file when it is missing, unreadable, truncated or not an image
     */
    public static GrayImage readGray(Path file) {
        return toGray(file, decode(file));
    }

    /**
     * Width, height and number of bands from the image's header, without decoding the pixels: cheap enough to run on
     * every sample when a dataset is loaded ({@link ImageCheck}).
     *
     * @throws DatasetException naming the file when it is missing, unreadable, not an image or its header is corrupt
     */
    public static ImageInfo probe(Path file) {
        return withReader(file, reader -> {
            ImageTypeSpecifier type = reader.getRawImageType(0);
            if (type == null) {
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                type = types.hasNext() ? types.next() : null;
            }
            return new ImageInfo(reader.getFormatName(), new ImageSize(reader.getWidth(0), reader.getHeight(0)),
                    type == null ? 0 : type.getNumBands());
        });
    }

    /** What {@link #probe} reads from a header. */
    public record ImageInfo(String format, ImageSize size, int bands) {
    }

    private interface ReaderStep<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static BufferedImage decode(Path file) {
        BufferedImage image = withReader(file, reader -> reader.read(0));
        if (image == null) {
            throw new DatasetException(file, "truncated or corrupt image (the decoder returned no image)");
        }
        return image;
    }

    private static <T> T withReader(Path file, ReaderStep<T> step) {
        if (!Files.exists(file)) {
            throw new DatasetException(file, "image file does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new DatasetException(file, "is a folder, not an image file");
        }
        if (!Files.isReadable(file)) {
            throw new DatasetException(file, "image file is not readable (check its permissions)");
        }
        try (ImageInputStream in = open(file)) {
            if (in == null) {
                throw new DatasetException(file, "image file could not be opened");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DatasetException(file, "not an image: no reader recognises its format "
                        + "(expected PNG, JPEG, BMP or TIFF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return step.apply(reader);
            } catch (IOException | RuntimeException e) {
                if (e instanceof DatasetException d) {
                    throw d;
                }
                throw new DatasetException(file, "truncated or corrupt " + reader.getFormatName() + " image ("
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                        + ")", e);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new DatasetException(file, "image file could not be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A file of the default file system is read in place; an entry of a zip (BP4D+ frames, DATASETS.md §5) has no
     * {@code java.io.File}, so its bytes are read into memory (one frame, a few hundred KB).
     */
    private static ImageInputStream open(Path file) throws IOException {
        if (file.getFileSystem() == FileSystems.getDefault()) {
            return ImageIO.createImageInputStream(file.toFile());
        }
        return new MemoryCacheImageInputStream(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    private static GrayImage toGray(Path file, BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] px = new float[w * h];
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel icm) {
            float[] lut = new float[icm.getMapSize()];
            for (int i = 0; i < lut.length; i++) {
                lut[i] = luma(icm.getRed(i), icm.getGreen(i), icm.getBlue(i));
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int index = raster.getSample(x, y, 0);
                    if (index >= lut.length) {
                        throw new DatasetException(file, "corrupt palette image: pixel (" + x + "," + y
                                + ") uses index " + index + " but the colour map has " + lut.length + " entries");
                    }
                    px[y * w + x] = lut[index];
                }
            }
        } else if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            // Raw samples: getRGB() would pass linear gray through an sRGB conversion and change the values.
            float max = (float) ((1L << cm.getComponentSize(0)) - 1);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    px[y * w + x] = raster.getSample(x, y, 0) / max;
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = image.getRGB(x, y);
                    px[y * w + x] = luma((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
                }
            }
        }
        return new GrayImage(w, h, px);
    }

    private static float luma(int r, int g, int b) {
        return Math.min(1f, (WR * r + WG * g + WB * b) / 255f);
    }
}
