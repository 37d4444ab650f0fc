package io.github.mbaseresnet.data.oulu;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.DatasetFolders;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.ExcludingReader;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.Frame;
import io.github.mbaseresnet.data.FrameSelection;
import io.github.mbaseresnet.data.ImageSize;
import io.github.mbaseresnet.data.ReadResult;
import io.github.mbaseresnet.data.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads Oulu-CASIA NIR&amp;VIS as distributed (DATASETS.md §2):
 * {@code OriginalImg/<NI|VL>/<Dark|Strong|Weak>/P001/<Anger|Disgust|Fear|Happiness|Sadness|Surprise>/000.jpeg}, frames
 * numbered from the neutral {@code 000} to the apex; the cropped {@code PreProcessImg} part has the same tree. The
 * tree folder may carry its part's prefix ({@code B_OriginalImg}, as in public scripts) and may lie one level below
 * the given folder.
 *
 * <p>Protocol: one imaging condition ({@link Options#modality()} + {@link Options#lighting()}, VL + Strong by
 * default: 80 subjects × 6 = 480 sequences), the last {@link Options#frames()} frames (3: 1,440 images, 240 per
 * class, [M]), optionally the first frame as neutral. Too-short sequences and subjects without sequences are counted
 * exclusions; an unknown folder or frame name is an error.
 */
public final class OuluCasiaReader implements ExcludingReader {

    private static final Pattern SUBJECT = Pattern.compile("P\\d{3}");
    private static final Pattern FRAME = Pattern.compile("(\\d+)\\.(jpe?g|png|bmp)", Pattern.CASE_INSENSITIVE);
    private static final List<String> EXPRESSIONS =
            List.of("Anger", "Disgust", "Fear", "Happiness", "Sadness", "Surprise");

    /** 320×240 [V] (DATASETS.md §2); the cropped PreProcessImg faces are smaller, so no size is expected there. */
    private static final ImageSize ORIGINAL_SIZE = new ImageSize(320, 240);

    private final Options options;

    /**
     * The part and imaging condition read, and the frames taken.
     *
     * @param tree     {@code OriginalImg} or {@code PreProcessImg} ({@code fer.oulu.images}, OriginalImg)
     * @param modality {@code VL} or {@code NI} ({@code fer.oulu.modality}, VL)
     * @param lighting {@code Strong}, {@code Weak} or {@code Dark} ({@code fer.oulu.lighting}, Strong)
     * @param frames   last frames per sequence ({@code fer.oulu.frames}, 3)
     * @param neutral  the first frame as neutral ({@code fer.oulu.neutral}, false)
     */
    public record Options(String tree, String modality, String lighting, int frames, boolean neutral) {
        public static final Options DEFAULT = new Options("OriginalImg", "VL", "Strong", 3, false);

        public Options {
            oneOf("fer.oulu.images", tree, List.of("OriginalImg", "PreProcessImg"));
            oneOf("fer.oulu.modality", modality, List.of("VL", "NI"));
            oneOf("fer.oulu.lighting", lighting, List.of("Strong", "Weak", "Dark"));
            if (frames < 1) {
                throw new IllegalArgumentException("fer.oulu.frames=" + frames + ": at least one frame is needed");
            }
        }

        private static void oneOf(String key, String value, List<String> allowed) {
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException(key + "=" + value + " is not one of " + allowed);
            }
        }
    }

    public OuluCasiaReader(Options options) {
        this.options = options;
    }


    @Override
    public Set<ImageSize> expectedSizes() {
        return options.tree().equals("OriginalImg") ? Set.of(ORIGINAL_SIZE) : Set.of();
    }

    @Override
    public ReadResult scan(Path root) {
        DatasetFolders.requireFolder(root, DatasetId.OULU_CASIA);
        Path condition = condition(tree(root));
        FrameSelection selection = new FrameSelection(options.frames(), options.neutral(), "fer.oulu.frames");
        ReadResult.Builder out = new ReadResult.Builder();
        for (Path subjectDir : DatasetFolders.folders(condition)) {
            String subject = DatasetFolders.name(subjectDir);
            if (!SUBJECT.matcher(subject).matches()) {
                throw new DatasetException(subjectDir, "is not an Oulu-CASIA subject folder (expected P001 ... P080)");
            }
            List<Path> sequences = DatasetFolders.folders(subjectDir);
            if (sequences.isEmpty()) {
                out.exclude(subjectDir, "subject folder holds no expression sequence");
            }
            for (Path sequenceDir : sequences) {
                String name = DatasetFolders.name(sequenceDir);
                Expression label = Expression.fromWord(name).filter(e -> EXPRESSIONS.contains(name))
                        .orElseThrow(() -> new DatasetException(sequenceDir, "is not an Oulu-CASIA expression folder;"
                                + " expected one of " + EXPRESSIONS));
                out.addAll(selection.peak(frames(sequenceDir), sequenceDir, subject, subject + "_" + name, label));
            }
        }
        if (!out.hasSamples()) {
            throw new DatasetException(condition, "no Oulu-CASIA frames were found; expected P001/Anger/000.jpeg ...");
        }
        return out.build();
    }

    /** {@code OriginalImg} (or {@code B_OriginalImg}) in {@code root} or one level below. */
    private Path tree(Path root) {
        String tree = options.tree();
        Optional<Path> found = DatasetFolders.find(root, p -> isTree(p, tree), 1, tree + "/");
        if (found.isPresent()) {
            return found.get();
        }
        String name = DatasetFolders.name(root);
        if (isTree(root, tree) || List.of("VL", "NI").contains(name) || SUBJECT.matcher(name).matches()) {
            throw new DatasetException(root, "this is a folder inside the " + tree + "/ tree: point at the folder "
                    + "that contains " + tree + "/");
        }
        Optional<Path> other = DatasetFolders.find(root, p -> isTree(p, "OriginalImg") || isTree(p, "PreProcessImg"),
                1, "Oulu-CASIA image tree");
        throw new DatasetException(root, "no " + tree + "/ folder was found in it or one level below"
                + other.map(o -> "; it has " + o + ": set fer.oulu.images=" + (isTree(o, "OriginalImg")
                        ? "OriginalImg" : "PreProcessImg") + " to read that").orElse("; expected " + tree
                        + "/VL/Strong/P001/Anger/000.jpeg. " + DatasetId.OULU_CASIA.obtainHint()));
    }

    private static boolean isTree(Path dir, String tree) {
        String name = DatasetFolders.name(dir);
        return name.equals(tree) || name.endsWith("_" + tree);
    }

    private Path condition(Path tree) {
        Path condition = tree.resolve(options.modality()).resolve(options.lighting());
        if (!Files.isDirectory(condition)) {
            List<String> present = new ArrayList<>();
            for (Path modality : DatasetFolders.folders(tree)) {
                DatasetFolders.folders(modality).forEach(l -> present.add(DatasetFolders.name(modality) + "/"
                        + DatasetFolders.name(l)));
            }
            throw new DatasetException(condition, "the imaging condition " + options.modality() + "/"
                    + options.lighting() + " is missing (it has " + (present.isEmpty() ? "none" : present)
                    + "); set fer.oulu.modality and fer.oulu.lighting to one it has");
        }
        return condition;
    }

    private static List<Frame> frames(Path sequenceDir) {
        Map<Integer, Path> byIndex = new HashMap<>();
        for (Path file : DatasetFolders.images(sequenceDir)) {
            Matcher m = FRAME.matcher(DatasetFolders.name(file));
            if (!m.matches()) {
                throw new DatasetException(file, "frame file name is not a frame number like 000.jpeg");
            }
            Path before = byIndex.putIfAbsent(Integer.parseInt(m.group(1)), file);
            if (before != null) {
                throw new DatasetException(file, "duplicate frame: " + DatasetFolders.name(before) + " has the same "
                        + "number; keep one of them");
            }
        }
        return byIndex.entrySet().stream().map(e -> new Frame(e.getValue(), e.getKey()))
                .collect(Collectors.toList());
    }
}
