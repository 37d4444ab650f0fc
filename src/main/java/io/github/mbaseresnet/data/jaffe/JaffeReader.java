package io.github.mbaseresnet.data.jaffe;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.DatasetReader;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads JAFFE: one flat folder of files named {@code <POSER>.<EXP><n>.<serial>.tiff}, e.g. {@code KA.AN1.39.tiff}
 * (DATASETS.md §6). Only file names are parsed; images are decoded later with
 * {@link io.github.mbaseresnet.data.ImageFiles#readGray}. All seven expressions are returned, NEUTRAL included;
 * choosing a class set is the caller's job.
 */
public final class JaffeReader implements DatasetReader {

    private static final String PATTERN_HINT = "<POSER>.<EXP><n>.<serial>.tiff, e.g. KA.AN1.39.tiff "
            + "(POSER two capital letters, EXP one of AN DI FE HA NE SA SU, n a take index 1-9)";

    private static final Pattern NAME =
            Pattern.compile("([A-Z]{2})\\.(AN|DI|FE|HA|NE|SA|SU)([1-9])\\.(\\d+)\\.((?i)tiff?)");
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("tif", "tiff", "png", "jpg", "jpeg", "bmp", "gif");

    @Override
    public List<Sample> read(Path root) {
        if (!Files.exists(root)) {
            throw new DatasetException(root, "the JAFFE folder does not exist. " + DatasetId.JAFFE.obtainHint());
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root, "is a file, not a folder: point at the folder holding the JAFFE "
                    + "*.tiff files");
        }
        List<Sample> samples = new ArrayList<>();
        java.util.Map<String, Path> seen = new java.util.HashMap<>();
        for (Path file : list(root)) {
            if (!isImage(file)) {
                continue; // README_FIRST.txt, .DS_Store: not part of the set
            }
            if (!Files.isRegularFile(file)) { // a folder or a dangling link named like an image is not skipped quietly
                throw new DatasetException(file, Files.isDirectory(file) ? "is a folder named like a JAFFE image"
                        : "is a link to a file that does not exist");
            }
            Sample sample = parse(file);
            Path before = seen.put(sample.sequence(), file);
            if (before != null) { // the same poser, expression, take and serial twice (e.g. .tiff and .tif)
                throw new DatasetException(file, "duplicate of " + before.getFileName() + " (same poser, expression "
                        + "and serial): keep one of them");
            }
            samples.add(sample);
        }
        if (samples.isEmpty()) {
            throw new DatasetException(root, noImagesProblem(root));
        }
        return List.copyOf(samples);
    }

    private static Sample parse(Path file) {
        String name = file.getFileName().toString();
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new DatasetException(file, "file name does not follow the JAFFE pattern " + PATTERN_HINT);
        }
        Expression label = Expression.fromCode(m.group(2)).orElseThrow();
        String sequence = name.substring(0, name.length() - m.group(5).length() - 1);
        return new Sample(file, m.group(1), label, sequence, 0);
    }

    /**
     * Image files by extension. Everything else (README_FIRST.txt, *.pdf, Thumbs.db) is not part of the data, nor
     * are hidden files ({@code .DS_Store}, macOS {@code ._KA.AN1.39.tiff} resource forks).
     */
    private static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && IMAGE_EXTENSIONS.contains(extension(name));
    }

    private static String noImagesProblem(Path root) {
        String problem = "no JAFFE images were found; expected a flat folder of 213 files named " + PATTERN_HINT;
        List<Path> withTiffs = list(root).stream().filter(Files::isDirectory).filter(JaffeReader::holdsTiffs)
                .toList();
        if (withTiffs.size() == 1) {
            return problem + ". Its subfolder " + withTiffs.get(0) + " holds .tiff files: point at that folder "
                    + "instead.";
        }
        return problem + ". " + DatasetId.JAFFE.obtainHint();
    }

    private static boolean holdsTiffs(Path dir) {
        return list(dir).stream().anyMatch(f -> Files.isRegularFile(f) && isImage(f)
                && extension(f.getFileName().toString()).startsWith("tif"));
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(dir, "folder could not be listed (" + e.getMessage() + ")", e);
        }
    }
}
