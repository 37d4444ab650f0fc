package io.github.mbaseresnet.data.ckplus;

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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CK+ as distributed (DATASETS.md §1): images {@code cohn-kanade-images/S005/001/S005_001_00000011.png}
 * (subject / sequence / 8-digit frame) and labels {@code Emotion/S005/001/S005_001_00000011_emotion.txt}, one float
 * ({@code 3.0000000e+00}) for the sequence's last frame, codes 0 neutral, 1 anger, 2 contempt, 3 disgust, 4 fear,
 * 5 happy, 6 sadness, 7 surprise. Both roots are searched up to {@value #SEARCH_DEPTH} levels below the given folder,
 * because unpacked copies nest them ({@code Emotion_labels/Emotion/}).
 *
 * <p>Protocol: the last {@link Options#frames()} frames of each labelled sequence (3: 309 sequences, 927 images for
 * six classes), contempt left out unless {@link Options#contempt()}, the first frame as neutral when
 * {@link Options#neutral()}. Unlabelled sequences (266 of 593), contempt sequences, too-short sequences and subjects
 * without a labelled sequence are counted exclusions; a malformed label is an error.
 */
public final class CkPlusReader implements ExcludingReader {

    static final int SEARCH_DEPTH = 2;
    static final String IMAGES = "cohn-kanade-images";
    static final String EMOTION = "Emotion";

    /** The code map of the CK+ ReadMe, by code. */
    private static final List<Expression> CODES = List.of(Expression.NEUTRAL, Expression.ANGER, Expression.CONTEMPT,
            Expression.DISGUST, Expression.FEAR, Expression.HAPPINESS, Expression.SADNESS, Expression.SURPRISE);

    private static final Pattern SUBJECT = Pattern.compile("S\\d{3}");
    private static final Pattern SEQUENCE = Pattern.compile("\\d{3}");
    private static final Pattern FRAME = Pattern.compile("(S\\d{3})_(\\d{3})_(\\d{8})\\.png", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile("(S\\d{3})_(\\d{3})_(\\d{8})_emotion\\.txt");

    /** Mostly 640×490, a minority 640×480 (DATASETS.md §1, [M]). */
    private static final Set<ImageSize> SIZES = Set.of(new ImageSize(640, 490), new ImageSize(640, 480));

    private final Options options;

    /**
     * What the protocol takes from each labelled sequence.
     *
     * @param frames   last frames per sequence ({@code fer.ckplus.frames}, 3)
     * @param neutral  the first frame as neutral ({@code fer.ckplus.neutral}, false)
     * @param contempt keep contempt sequences, the seventh class ({@code fer.ckplus.contempt}, false)
     */
    public record Options(int frames, boolean neutral, boolean contempt) {
        public static final Options DEFAULT = new Options(3, false, false);

        public Options {
            if (frames < 1) {
                throw new IllegalArgumentException("fer.ckplus.frames=" + frames + ": at least one frame is needed");
            }
        }

        FrameSelection selection() {
            return new FrameSelection(frames, neutral, "fer.ckplus.frames");
        }
    }

    public CkPlusReader(Options options) {
        this.options = options;
    }


    @Override
    public Set<ImageSize> expectedSizes() {
        return SIZES;
    }

    @Override
    public ReadResult scan(Path root) {
        DatasetFolders.requireFolder(root, DatasetId.CKPLUS);
        Path images = findRoot(root, IMAGES, "the image sequences (cohn-kanade-images.zip)");
        Path emotion = findRoot(root, EMOTION, "the emotion labels (Emotion_labels.zip)");
        ReadResult.Builder out = new ReadResult.Builder();
        Set<Path> labelledSequences = new HashSet<>();
        for (Path subjectDir : DatasetFolders.folders(images)) {
            String subject = require(SUBJECT, subjectDir, "a CK+ subject folder named like S005");
            boolean labelled = false;
            for (Path sequenceDir : DatasetFolders.folders(subjectDir)) {
                String sequence = require(SEQUENCE, sequenceDir, "a CK+ sequence folder named like 001");
                Path labelDir = emotion.resolve(subject).resolve(sequence);
                labelledSequences.add(labelDir);
                labelled |= readSequence(sequenceDir, subject, sequence, labelDir, out);
            }
            if (!labelled) {
                out.exclude(subjectDir, "subject has no labelled sequence");
            }
        }
        requireImagesForEveryLabel(emotion, labelledSequences);
        if (!out.hasSamples()) {
            throw new DatasetException(root, "no labelled CK+ sequence was found under " + images + " and " + emotion
                    + "; expected " + IMAGES + "/S005/001/S005_001_00000011.png with " + EMOTION
                    + "/S005/001/S005_001_00000011_emotion.txt");
        }
        return out.build();
    }

    /** Adds the sequence's samples or its exclusion; true when it has a label (used or not). */
    private boolean readSequence(Path sequenceDir, String subject, String sequence, Path labelDir,
            ReadResult.Builder out) {
        List<Frame> frames = frames(sequenceDir, subject, sequence);
        Optional<Path> labelFile = labelFile(labelDir);
        if (labelFile.isEmpty()) {
            out.exclude(sequenceDir, "sequence has no Emotion label file (CK+ labels 327 of its 593 sequences)");
            return false;
        }
        Expression label = parseLabel(labelFile.get());
        checkLabelFrame(labelFile.get(), frames, sequenceDir);
        if (label == Expression.NEUTRAL) {
            out.exclude(sequenceDir, "sequence labelled 0 (neutral) is not an expression sequence");
        } else if (label == Expression.CONTEMPT && !options.contempt()) {
            out.exclude(sequenceDir, "sequence labelled contempt, left out of the six classes "
                    + "(fer.ckplus.contempt=false)");
        } else {
            out.addAll(options.selection().peak(frames, sequenceDir, subject, subject + "_" + sequence, label));
        }
        return true;
    }

    private static List<Frame> frames(Path sequenceDir, String subject, String sequence) {
        List<Frame> frames = new ArrayList<>();
        for (Path file : DatasetFolders.images(sequenceDir)) {
            Matcher m = FRAME.matcher(DatasetFolders.name(file));
            if (!m.matches() || !m.group(1).equals(subject) || !m.group(2).equals(sequence)) {
                throw new DatasetException(file, "file name does not follow the CK+ pattern " + subject + "_"
                        + sequence + "_<8-digit frame>.png of its folder " + subject + "/" + sequence);
            }
            frames.add(new Frame(file, Integer.parseInt(m.group(3))));
        }
        return frames;
    }

    private static Optional<Path> labelFile(Path labelDir) {
        if (!Files.isDirectory(labelDir)) {
            return Optional.empty();
        }
        List<Path> labels = DatasetFolders.list(labelDir).stream().filter(Files::isRegularFile)
                .filter(p -> DatasetFolders.name(p).endsWith("_emotion.txt")).toList();
        if (labels.size() > 1) {
            throw new DatasetException(labelDir, "holds " + labels.size() + " label files " + labels
                    + "; CK+ has one *_emotion.txt per sequence: remove the extra ones");
        }
        return labels.stream().findFirst();
    }

    /** {@code (int) Double.parseDouble(s.trim())} as DATASETS.md §1 says, but refusing anything but one whole code. */
    static Expression parseLabel(Path file) {
        String text = DatasetFolders.readText(file).trim();
        String[] tokens = text.split("\\s+");
        if (text.isEmpty() || tokens.length != 1) {
            throw new DatasetException(file, "a CK+ label file holds one number, e.g. 3.0000000e+00; found "
                    + (text.isEmpty() ? "nothing" : tokens.length + " values '" + text + "'"));
        }
        double value;
        try {
            value = Double.parseDouble(tokens[0]);
        } catch (NumberFormatException e) {
            throw new DatasetException(file, "label '" + tokens[0] + "' is not a number (expected e.g. "
                    + "3.0000000e+00)", e);
        }
        if (value != Math.rint(value) || value < 0 || value >= CODES.size()) {
            throw new DatasetException(file, "unknown CK+ emotion code " + tokens[0] + "; the codes are 0 neutral, "
                    + "1 anger, 2 contempt, 3 disgust, 4 fear, 5 happy, 6 sadness, 7 surprise");
        }
        return CODES.get((int) value);
    }

    /** "The label file's frame number equals the last image of the sequence" (DATASETS.md §1). */
    private static void checkLabelFrame(Path labelFile, List<Frame> frames, Path sequenceDir) {
        if (frames.isEmpty()) {
            throw new DatasetException(sequenceDir, "sequence folder holds no images but has the label file "
                    + labelFile + "; re-extract cohn-kanade-images.zip");
        }
        Matcher m = LABEL.matcher(DatasetFolders.name(labelFile));
        int last = frames.stream().mapToInt(Frame::index).max().orElseThrow();
        if (!m.matches() || Integer.parseInt(m.group(3)) != last) {
            throw new DatasetException(labelFile, "label file is not named after the sequence's last frame ("
                    + DatasetFolders.name(frames.stream().filter(f -> f.index() == last).findFirst().orElseThrow()
                            .image()).replaceFirst("(?i)\\.png$", "") + "_emotion.txt): the images or labels are "
                    + "from another copy");
        }
    }

    /** A label whose sequence has no image folder means the two zips do not belong together. */
    private static void requireImagesForEveryLabel(Path emotion, Set<Path> sequencesWithImages) {
        for (Path subjectDir : DatasetFolders.folders(emotion)) {
            for (Path labelDir : DatasetFolders.folders(subjectDir)) {
                if (!sequencesWithImages.contains(labelDir)) {
                    Optional<Path> label = labelFile(labelDir);
                    if (label.isPresent()) {
                        throw new DatasetException(label.get(), "label file has no image sequence "
                                + DatasetFolders.name(subjectDir) + "/" + DatasetFolders.name(labelDir) + " in "
                                + IMAGES + "; the images and labels are from different copies");
                    }
                }
            }
        }
    }

    private static Path findRoot(Path root, String name, String what) {
        Optional<Path> found = DatasetFolders.find(root, p -> DatasetFolders.name(p).equals(name), SEARCH_DEPTH,
                name + "/");
        if (found.isPresent()) {
            return found.get();
        }
        String problem = "no " + name + "/ folder (" + what + ") was found in it or " + SEARCH_DEPTH
                + " levels below; ";
        Path parent = root.toAbsolutePath().getParent();
        if (Set.of(IMAGES, EMOTION).contains(DatasetFolders.name(root))
                || SUBJECT.matcher(DatasetFolders.name(root)).matches()) {
            throw new DatasetException(root, problem + "this looks like a folder inside CK+: point at the folder "
                    + "that contains " + IMAGES + "/ and " + EMOTION + "/ (perhaps " + parent + ")");
        }
        throw new DatasetException(root, problem + "expected " + IMAGES + "/S005/001/S005_001_00000011.png and "
                + EMOTION + "/S005/001/S005_001_00000011_emotion.txt. " + DatasetId.CKPLUS.obtainHint());
    }

    private static String require(Pattern pattern, Path dir, String what) {
        String name = DatasetFolders.name(dir);
        if (!pattern.matcher(name).matches()) {
            throw new DatasetException(dir, "is not " + what + "; remove it or point at a clean copy");
        }
        return name;
    }
}
