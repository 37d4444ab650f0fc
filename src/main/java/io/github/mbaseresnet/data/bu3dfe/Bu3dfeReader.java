package io.github.mbaseresnet.data.bu3dfe;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.DatasetFolders;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.ExcludingReader;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.ReadResult;
import io.github.mbaseresnet.data.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the 2-D textures of BU-3DFE as distributed (DATASETS.md §4): one folder per subject ({@code F0001 ... F0056},
 * {@code M0001 ... M0044}) holding {@code <subj>_<EXP><II><RACE>_<TYPE>.<ext>}, e.g. {@code F0001_AN01WH_F2D.bmp}:
 * expression {@code AN DI FE HA NE SA SU}, intensity {@code 01..04} ({@code 00} for neutral only), ethnicity
 * {@code WH BL AE AM LA IN}, and {@code F2D} the frontal texture. The 3-D files ({@code _F3D}, {@code _RAW}) are another
 * modality and not read.
 *
 * <p>Protocol: six expressions at the intensities {@link Options#intensities()} ({3,4} by default [M]: 1,200 images,
 * 200 per class, 100 subjects), neutral ({@code NE00}) when {@link Options#neutral()}. Other intensities, neutral
 * when not asked and subjects without textures are counted exclusions; a name that does not parse, an intensity
 * outside 01–04 and the same image twice are errors. Each expression's intensities are one sequence (frame =
 * intensity).
 */
public final class Bu3dfeReader implements ExcludingReader {

    private static final Pattern SUBJECT = Pattern.compile("[FM]\\d{4}");
    private static final Pattern TEXTURE = Pattern.compile(
            "([FM]\\d{4})_(AN|DI|FE|HA|NE|SA|SU)(\\d{2})(WH|BL|AE|AM|LA|IN)_F2D\\.(bmp|png|jpe?g|tiff?)",
            Pattern.CASE_INSENSITIVE);
    private static final String PATTERN_HINT = "<subject>_<EXP><intensity><ethnicity>_F2D.bmp, e.g. "
            + "F0001_AN01WH_F2D.bmp (EXP one of AN DI FE HA NE SA SU, intensity 01-04 or 00 for NE, ethnicity one of "
            + "WH BL AE AM LA IN)";

    private final Options options;

    /**
     * What the protocol takes.
     *
     * @param intensities expression intensities kept ({@code fer.bu3dfe.intensities}, 3,4)
     * @param neutral     the neutral {@code NE00} texture kept ({@code fer.bu3dfe.neutral}, false)
     */
    public record Options(Set<Integer> intensities, boolean neutral) {
        public static final Options DEFAULT = new Options(Set.of(3, 4), false);

        public Options {
            intensities = Collections.unmodifiableSortedSet(new TreeSet<>(intensities)); // sorted: the same text in every JVM (results fingerprint)
            if (intensities.isEmpty() || intensities.stream().anyMatch(i -> i < 1 || i > 4)) {
                throw new IllegalArgumentException("fer.bu3dfe.intensities=" + intensities
                        + ": BU-3DFE has intensities 1 to 4");
            }
        }
    }

    public Bu3dfeReader(Options options) {
        this.options = options;
    }


    @Override
    public ReadResult scan(Path root) {
        DatasetFolders.requireFolder(root, DatasetId.BU3DFE);
        List<Path> subjects = subjectFolders(root);
        ReadResult.Builder out = new ReadResult.Builder();
        for (Path subjectDir : subjects) {
            readSubject(subjectDir, out);
        }
        // textures outside a subject folder (a loose F0003_HA04WH_F2D.bmp, a copy in F0002_old/) are not read, and
        // the report says so instead of leaving them out quietly
        for (Path other : DatasetFolders.list(root)) {
            if (subjects.contains(other)) {
                continue;
            }
            boolean texture = Files.isRegularFile(other)
                    && DatasetFolders.name(other).toUpperCase(Locale.ROOT).contains("_F2D");
            boolean folderOfTextures = Files.isDirectory(other) && DatasetFolders.list(other).stream()
                    .anyMatch(f -> DatasetFolders.name(f).toUpperCase(Locale.ROOT).contains("_F2D"));
            if (texture || folderOfTextures) {
                out.exclude(other, texture ? "texture outside a subject folder (F0001/ ... M0044/)"
                        : "folder of textures not named like a subject (F0001 ... M0044)");
            }
        }
        if (!out.hasSamples()) {
            throw new DatasetException(root, "no BU-3DFE texture of the protocol was found; expected subject folders "
                    + "holding " + PATTERN_HINT);
        }
        return out.build();
    }

    private void readSubject(Path subjectDir, ReadResult.Builder out) {
        String subject = DatasetFolders.name(subjectDir);
        Map<String, Path> seen = new HashMap<>();
        boolean any = false;
        for (Path file : DatasetFolders.list(subjectDir)) {
            String name = DatasetFolders.name(file);
            if (!Files.isRegularFile(file) || !name.toUpperCase(Locale.ROOT).contains("_F2D")) {
                continue; // 3-D meshes, landmarks and raw scans: not the 2-D protocol
            }
            Matcher m = TEXTURE.matcher(name);
            if (!m.matches()) {
                throw new DatasetException(file, "file name does not follow the BU-3DFE pattern " + PATTERN_HINT);
            }
            if (!m.group(1).equals(subject)) {
                throw new DatasetException(file, "belongs to subject " + m.group(1) + " but lies in the folder of "
                        + subject + "; move it to its own subject folder");
            }
            String code = m.group(2).toUpperCase(Locale.ROOT);
            int intensity = Integer.parseInt(m.group(3));
            boolean neutral = code.equals("NE");
            if (neutral ? intensity != 0 : intensity < 1 || intensity > 4) {
                throw new DatasetException(file, "unknown intensity " + m.group(3) + " for " + code
                        + " (expected 01-04, or 00 for NE)");
            }
            Path before = seen.putIfAbsent(code + intensity, file);
            if (before != null) {
                throw new DatasetException(file, "duplicate sample: " + DatasetFolders.name(before) + " is the same "
                        + "expression and intensity; keep one of them");
            }
            any = true;
            Expression label = Expression.fromCode(code).orElseThrow();
            if (neutral && !options.neutral()) {
                out.exclude(file, "neutral NE00 left out (fer.bu3dfe.neutral=false)");
            } else if (!neutral && !options.intensities().contains(intensity)) {
                out.exclude(file, "intensity " + intensity + " not in fer.bu3dfe.intensities="
                        + String.join(",", new TreeSet<>(options.intensities()).stream().map(String::valueOf)
                                .toList()));
            } else {
                out.add(new Sample(file, subject, label, subject + "_" + code, intensity));
            }
        }
        if (!any) {
            out.exclude(subjectDir, "subject folder holds no _F2D texture image");
        }
    }

    /** The subject folders directly in {@code root}; otherwise an error that says where they are. */
    private static List<Path> subjectFolders(Path root) {
        List<Path> subjects = DatasetFolders.folders(root).stream()
                .filter(p -> SUBJECT.matcher(DatasetFolders.name(p)).matches()).toList();
        if (!subjects.isEmpty()) {
            return subjects;
        }
        if (SUBJECT.matcher(DatasetFolders.name(root)).matches()) {
            throw new DatasetException(root, "this is one BU-3DFE subject folder: point at the folder that contains "
                    + "F0001/ ... M0044/ (perhaps " + root.toAbsolutePath().getParent() + ")");
        }
        Optional<Path> deeper = DatasetFolders.find(root,
                p -> DatasetFolders.folders(p).stream().anyMatch(s -> SUBJECT.matcher(DatasetFolders.name(s))
                        .matches()), 1, "BU-3DFE subject-holding");
        if (deeper.isPresent()) {
            throw new DatasetException(root, "holds no subject folder itself, but " + deeper.get() + " does: point "
                    + "at that folder");
        }
        boolean packed = DatasetFolders.list(root).stream().anyMatch(p -> Files.isRegularFile(p)
                && SUBJECT.matcher(DatasetFolders.baseName(p)).matches());
        throw new DatasetException(root, packed
                ? "the subjects are still packed (F0001.rar ...): unpack each into its folder F0001/ first"
                : "no BU-3DFE subject folder (F0001 ... M0044) was found. " + DatasetId.BU3DFE.obtainHint());
    }
}
