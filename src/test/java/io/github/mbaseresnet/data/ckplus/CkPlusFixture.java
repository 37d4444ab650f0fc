package io.github.mbaseresnet.data.ckplus;

import io.github.mbaseresnet.data.FixtureFiles;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A generated CK+ tree in the distributed layout (DATASETS.md §1) with tiny gray PNGs, never faces:
 * {@code cohn-kanade-images/S005/001/S005_001_00000001.png ...} and {@code Emotion/S005/001/..._emotion.txt}.
 */
final class CkPlusFixture {
    final Path root;
    final Path images;
    final Path emotion;

    CkPlusFixture(Path root) {
        this(root, root.resolve(CkPlusReader.IMAGES), root.resolve(CkPlusReader.EMOTION));
    }

    CkPlusFixture(Path root, Path images, Path emotion) {
        this.root = root;
        this.images = images;
        this.emotion = emotion;
    }

    /**
     * Frames 1..{@code frames} of a sequence; with a label file for the last frame holding {@code code} as CK+ writes
     * it ({@code 3.0000000e+00}) unless {@code code} is null. Like the real copies, the Emotion folder of an
     * unlabelled sequence exists and is empty.
     */
    CkPlusFixture sequence(String subject, String sequence, int frames, Integer code) {
        for (int f = 1; f <= frames; f++) {
            FixtureFiles.image(frame(subject, sequence, f));
        }
        FixtureFiles.folder(emotion.resolve(subject).resolve(sequence));
        if (code != null) {
            label(subject, sequence, frames, String.format(Locale.ROOT, "   %.7e%n", (double) code));
        }
        return this;
    }

    Path label(String subject, String sequence, int frame, String content) {
        return FixtureFiles.text(emotion.resolve(subject).resolve(sequence)
                .resolve(name(subject, sequence, frame) + "_emotion.txt"), content);
    }

    Path frame(String subject, String sequence, int frame) {
        return images.resolve(subject).resolve(sequence).resolve(name(subject, sequence, frame) + ".png");
    }

    static String name(String subject, String sequence, int frame) {
        return String.format("%s_%s_%08d", subject, sequence, frame);
    }

    /**
     * Three subjects: S005 with an anger sequence of 5 frames, a contempt one of 4 and an unlabelled one; S010 with a
     * happy sequence of 6 frames; S011 with only an unlabelled sequence.
     */
    static CkPlusFixture standard(Path root) {
        return new CkPlusFixture(root)
                .sequence("S005", "001", 5, 1)
                .sequence("S005", "002", 4, 2)
                .sequence("S005", "003", 7, null)
                .sequence("S010", "004", 6, 5)
                .sequence("S011", "001", 3, null);
    }
}
