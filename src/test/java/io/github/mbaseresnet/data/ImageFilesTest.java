package io.github.mbaseresnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    private static final float EPS = 1e-6f;

    @TempDir
    Path dir;

    @Test
    void readsBigEndianEightBitGrayTiff() throws IOException {
        Path file = TestImages.writeTiff(TestImages.gray8(3, 2, 0, 1, 64, 128, 254, 255),
                dir.resolve("gray.tiff"), ByteOrder.BIG_ENDIAN);
        assertThat(byteOrderMark(file)).isEqualTo("MM");

        GrayImage img = ImageFiles.readGray(file);

        assertThat(img.width()).isEqualTo(3);
        assertThat(img.height()).isEqualTo(2);
        assertThat(img.pixels()).containsExactly(new float[] {0f, 1 / 255f, 64 / 255f, 128 / 255f, 254 / 255f, 1f},
                within(EPS));
    }

    @Test
    void readsLittleEndianPaletteTiffThroughItsColourMap() throws IOException {
        // Index i maps to gray 255 - i: a reader that returned raw indices would read 1 - expected.
        Path file = TestImages.writeTiff(TestImages.invertedPalette(4, 1, 0, 1, 100, 255),
                dir.resolve("palette.tiff"), ByteOrder.LITTLE_ENDIAN);
        assertThat(byteOrderMark(file)).isEqualTo("II");
        assertThat(ImageIO.read(file.toFile()).getType()).isEqualTo(BufferedImage.TYPE_BYTE_INDEXED);

        GrayImage img = ImageFiles.readGray(file);

        assertThat(img.pixels()).containsExactly(new float[] {1f, 254 / 255f, 155 / 255f, 0f}, within(EPS));
    }

    @Test
    void readsSixteenBitGrayPng() {
        BufferedImage img16 = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        img16.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 32768, 65535});
        Path file = TestImages.write(img16, "png", dir.resolve("gray16.png"));

        assertThat(ImageFiles.readGray(file).pixels())
                .containsExactly(new float[] {0f, 32768 / 65535f, 1f}, within(EPS));
    }

    @Test
    void convertsRgbPngWithBt601Weights() {
        BufferedImage rgb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xff0000);
        rgb.setRGB(1, 0, 0x00ff00);
        rgb.setRGB(0, 1, 0x0000ff);
        rgb.setRGB(1, 1, 0x0a141e); // (10, 20, 30)
        Path file = TestImages.write(rgb, "png", dir.resolve("rgb.png"));

        GrayImage img = ImageFiles.readGray(file);

        // 0.299 * 10 + 0.587 * 20 + 0.114 * 30 = 2.99 + 11.74 + 3.42 = 18.15
        assertThat(img.pixels()).containsExactly(new float[] {0.299f, 0.587f, 0.114f, 18.15f / 255f}, within(EPS));
    }

    @Test
    void ignoresAlphaOfArgbPng() {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00646464); // fully transparent gray 100
        argb.setRGB(1, 0, 0x80ffffff); // half transparent white
        Path file = TestImages.write(argb, "png", dir.resolve("argb.png"));

        assertThat(ImageFiles.readGray(file).pixels()).containsExactly(new float[] {100 / 255f, 1f}, within(EPS));
    }

    @Test
    void readsRgbBmp() {
        BufferedImage rgb = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR);
        rgb.setRGB(0, 0, 0x0a141e);
        Path file = TestImages.write(rgb, "bmp", dir.resolve("rgb.bmp"));

        assertThat(ImageFiles.readGray(file).pixels()).containsExactly(new float[] {18.15f / 255f}, within(EPS));
    }

    @Test
    void truncatedTiffNamesTheFile() throws IOException {
        int[] values = new int[64 * 64];
        Arrays.fill(values, 200);
        Path file = TestImages.writeTiff(TestImages.gray8(64, 64, values), dir.resolve("cut.tiff"),
                ByteOrder.BIG_ENDIAN);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ImageFiles.readGray(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("cut.tiff")
                .hasMessageContaining("truncated or corrupt")
                .satisfies(e -> assertThat(((DatasetException) e).file()).isEqualTo(file));
    }

    @Test
    void textFileNamedTiffIsNotAnImage() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.tiff"), "these are not the pixels you are looking for\n");

        assertThatThrownBy(() -> ImageFiles.readGray(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("notes.tiff")
                .hasMessageContaining("not an image");
    }

    @Test
    void missingFileSaysSo() {
        Path file = dir.resolve("absent.tiff");

        assertThatThrownBy(() -> ImageFiles.readGray(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("absent.tiff")
                .hasMessageContaining("does not exist");
    }

    private static String byteOrderMark(Path file) throws IOException {
        byte[] head = Files.readAllBytes(file);
        return new String(head, 0, 2, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
