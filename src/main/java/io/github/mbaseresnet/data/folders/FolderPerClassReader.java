package io.github.mbaseresnet.data.folders;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.DatasetFolders;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.ExcludingReader;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.ReadResult;
import io.github.mbaseresnet.data.Sample;
import java.nio.file.Path;
import java.util.Collections;
import java.util.TreeSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the folder-per-class copies many users have instead of the distribution, e.g. CK+48
 * ({@code CK+48/anger/S010_004_00000017.png}, 48×48, all 327 labelled CK+ sequences' last 3 frames, DATASETS.md
 * §1): the class is the folder name ({@link Expression#WORD_LIST}), the subject comes from the file name through
 * {@link Options#pattern()} so that folds stay subject-independent. The default pattern is CK+'s
 * {@code S010_004_00000017}.
 *
 * <p>Class folders outside {@link Options#classes()} (CK+48's {@code contempt} for the six classes) and empty class
 * folders are counted exclusions; an unknown folder name, a file name the pattern does not match and the same file
 * name in two class folders are errors.
 */
public final class FolderPerClassReader implements ExcludingReader {

    /** CK+ names (DATASETS.md §1): S<subject>_<sequence>_<8-digit frame>. */
    public static final String CKPLUS_PATTERN = "(?<subject>S\\d{3})_(?<sequence>\\d{3})_(?<frame>\\d+)";

    private final DatasetId dataset;
    private final Options options;

    /**
     * How file names and folders are read.
     *
     * @param pattern regular expression the file name without extension must match, with a named group
     *                {@code subject} and optional groups {@code sequence} and {@code frame}
     *                ({@code fer.folders.pattern}, {@link #CKPLUS_PATTERN})
     * @param classes class folders read; the others are counted exclusions
     */
    public record Options(String pattern, Set<Expression> classes) {
        public Options {
            classes = Collections.unmodifiableSortedSet(new TreeSet<>(classes)); // sorted: the same text in every JVM
            try {
                Pattern.compile(pattern);
                if (!pattern.contains("(?<subject>")) {
                    throw new IllegalArgumentException("fer.folders.pattern=" + pattern + " has no (?<subject>...) "
                            + "group; the subject is needed for subject-independent folds");
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("fer.folders.pattern=" + pattern + " is not a regular expression: "
                        + e.getDescription(), e);
            }
        }

        /** The CK+ pattern, every class. */
        public static Options ckplusNames() {
            return new Options(CKPLUS_PATTERN, EnumSet.allOf(Expression.class));
        }
    }

    public FolderPerClassReader(DatasetId dataset, Options options) {
        this.dataset = dataset;
        this.options = options;
    }

    /** Whether {@code root} looks like a folder-per-class copy: at least two sub-folders, all named like a class. */
    public static boolean looksLikeClassFolders(Path root) {
        List<Path> folders = DatasetFolders.folders(root);
        return folders.size() >= 2
                && folders.stream().allMatch(f -> Expression.fromWord(DatasetFolders.name(f)).isPresent());
    }


    @Override
    public ReadResult scan(Path root) {
        DatasetFolders.requireFolder(root, dataset);
        List<Path> classFolders = DatasetFolders.folders(root);
        if (classFolders.isEmpty()) {
            throw new DatasetException(root, "no class folder (anger/, disgust/, ...) was found; a folder-per-class "
                    + "copy holds one folder per expression");
        }
        Pattern pattern = Pattern.compile(options.pattern());
        Map<String, Path> names = new HashMap<>();
        ReadResult.Builder out = new ReadResult.Builder();
        for (Path folder : classFolders) {
            Expression label = Expression.fromWord(DatasetFolders.name(folder)).orElseThrow(() ->
                    new DatasetException(folder, unknownClassProblem(folder)));
            List<Path> images = DatasetFolders.images(folder);
            if (images.isEmpty()) {
                out.exclude(folder, "class folder holds no images");
            }
            for (Path image : images) {
                Path before = names.putIfAbsent(DatasetFolders.baseName(image), image);
                if (before != null) {
                    throw new DatasetException(image, "duplicate sample: " + before + " has the same name in "
                            + "another class folder; one image cannot have two labels");
                }
                if (options.classes().contains(label)) {
                    out.add(sample(image, label, pattern));
                } else {
                    out.exclude(image, "class folder " + DatasetFolders.name(folder) + "/ is not in the class set");
                }
            }
        }
        return out.build();
    }

    private String unknownClassProblem(Path folder) {
        Optional<Path> inner = DatasetFolders.folders(folder).stream().filter(FolderPerClassReader::hasClassFolders)
                .findFirst();
        return "is not a class folder (expected " + Expression.WORD_LIST + ")"
                + (hasClassFolders(folder) ? "; it holds class folders itself: point at " + folder
                        : inner.map(i -> "; " + i + " holds class folders: point at it").orElse(""));
    }

    private static boolean hasClassFolders(Path dir) {
        return DatasetFolders.folders(dir).stream()
                .anyMatch(f -> Expression.fromWord(DatasetFolders.name(f)).isPresent());
    }

    private Sample sample(Path image, Expression label, Pattern pattern) {
        String base = DatasetFolders.baseName(image);
        Matcher m = pattern.matcher(base);
        if (!m.matches()) {
            throw new DatasetException(image, "file name does not match fer.folders.pattern=" + options.pattern()
                    + " (the default is CK+'s S010_004_00000017); set the pattern for this copy's names");
        }
        String subject = m.group("subject");
        String sequence = group(m, "sequence").map(s -> subject + "_" + s).orElse(base);
        int frame;
        try {
            frame = group(m, "frame").map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            throw new DatasetException(image, "the frame group of fer.folders.pattern=" + options.pattern()
                    + " matched '" + m.group("frame") + "', which is not a number; make it match digits only", e);
        }
        return new Sample(image, subject, label, sequence, frame);
    }

    private static Optional<String> group(Matcher m, String name) {
        try {
            return Optional.ofNullable(m.group(name));
        } catch (IllegalArgumentException noSuchGroup) {
            return Optional.empty();
        }
    }
}
