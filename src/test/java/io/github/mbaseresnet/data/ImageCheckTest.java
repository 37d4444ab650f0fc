package io.github.mbaseresnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCheckTest {
    @TempDir
    Path dir;

    private Sample sample(Path image) {
        return new Sample(image, "S005", Expression.ANGER, "S005_001", 1);
    }

    @Test
    void imageOfAnUndocumentedSizeIsACountedExclusionAndTheSizesAreSurveyed() {
        Path right = FixtureFiles.write(dir.resolve("a.png"), FixtureFiles.encode("png", 8, 6));
        Path wrong = FixtureFiles.write(dir.resolve("b.png"), FixtureFiles.encode("png", 6, 8));
        Path colour = TestImages.write(new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB), "png",
                dir.resolve("c.png"));

        ImageCheck.Outcome outcome = new ImageCheck(Set.of(new ImageSize(8, 6)))
                .apply(ReadResult.of(List.of(sample(right), sample(wrong), sample(colour))));

        assertThat(outcome.read().samples()).extracting(Sample::image).containsExactly(right, colour);
        assertThat(outcome.read().excluded()).containsExactly(new Exclusion(wrong,
                "image size is not one of 8x6 (DATASETS.md)"));
        assertThat(outcome.survey()).isEqualTo("6x8 gray: 1, 8x6 3 bands: 1, 8x6 gray: 1");
    }

    @Test
    void anySizePassesWhenNoneIsDocumented() {
        Path image = FixtureFiles.write(dir.resolve("a.bmp"), FixtureFiles.tiny("bmp"));

        assertThat(new ImageCheck(Set.of()).apply(ReadResult.of(List.of(sample(image)))).read().samples()).hasSize(1);
    }

    @Test
    void truncatedOrNonImageFilesAreErrorsNamingThem() {
        byte[] png = FixtureFiles.tiny("png");
        Path cut = FixtureFiles.write(dir.resolve("cut.png"), Arrays.copyOf(png, 20));
        Path text = FixtureFiles.text(dir.resolve("text.png"), "hello");

        assertThatThrownBy(() -> new ImageCheck(Set.of()).apply(ReadResult.of(List.of(sample(cut)))))
                .isInstanceOf(DatasetException.class).hasMessageContaining("cut.png")
                .hasMessageContaining("truncated or corrupt");
        assertThatThrownBy(() -> new ImageCheck(Set.of()).apply(ReadResult.of(List.of(sample(text)))))
                .hasMessageContaining("text.png").hasMessageContaining("not an image");
    }

    @Test
    void imageSizeParsesAndPrints() {
        assertThat(ImageSize.parse("640x490")).isEqualTo(new ImageSize(640, 490)).hasToString("640x490");
        assertThatThrownBy(() -> ImageSize.parse("640")).hasMessageContaining("640x490");
    }

    @Test
    void sameImageTwiceIsADuplicate() {
        Path image = FixtureFiles.image(dir.resolve("a.png"));

        assertThatThrownBy(() -> new ReadResult(List.of(sample(image), sample(image)), List.of()).requireDistinct())
                .isInstanceOf(DatasetException.class).hasMessageContaining("duplicate sample");
    }

    @Test
    void exclusionsAreCountedPerReason() {
        ReadResult r = new ReadResult(List.of(), List.of(new Exclusion(dir.resolve("b"), "why"),
                new Exclusion(dir.resolve("a"), "why"), new Exclusion(dir.resolve("c"), "other")));

        assertThat(r.describeExclusions()).isEqualTo("1 × other; 2 × why");
        assertThat(r.excluded()).extracting(Exclusion::file).containsExactly(dir.resolve("a"), dir.resolve("b"),
                dir.resolve("c"));
        assertThat(ReadResult.of(List.of()).describeExclusions()).isEqualTo("none");
    }
}
