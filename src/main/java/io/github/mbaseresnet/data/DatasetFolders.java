package io.github.mbaseresnet.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Folder walking shared by the readers: sorted listings, image files, and finding a dataset's roots. */
public final class DatasetFolders {
    /** Extensions the readers treat as images (ImageIO reads them all, see {@link ImageFiles}). */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff", "gif");

    private DatasetFolders() {
    }

    /**
     * Checks that {@code root} is an existing folder.
     *
     * @throws DatasetException saying what {@code root} is instead, with how to obtain the dataset
     */
    public static void requireFolder(Path root, DatasetId dataset) {
        if (!Files.exists(root)) {
            throw new DatasetException(root, "the " + dataset.displayName() + " folder does not exist. "
                    + dataset.obtainHint());
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root, "is a file, not a folder. " + dataset.obtainHint());
        }
        if (!Files.isReadable(root)) {
            throw new DatasetException(root, "folder is not readable (check its permissions)");
        }
    }

    /** Entries of {@code dir} sorted by name, hidden ones ({@code .DS_Store}, {@code ._x} resource forks) left out. */
    public static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !hidden(p)).sorted().toList();
        } catch (IOException | SecurityException e) {
            throw new DatasetException(dir, "folder could not be listed (" + e.getMessage() + "); check its "
                    + "permissions", e);
        }
    }

    /** Hidden entries are not data: {@code .DS_Store}, macOS {@code ._name} resource forks. */
    public static boolean hidden(Path path) {
        return name(path).startsWith(".");
    }

    /** Sub-folders of {@code dir}, sorted. */
    public static List<Path> folders(Path dir) {
        return list(dir).stream().filter(Files::isDirectory).toList();
    }

    /** Image files of {@code dir} by extension, sorted; other files (notes, {@code Thumbs.db}) are not data. */
    public static List<Path> images(Path dir) {
        return list(dir).stream().filter(p -> Files.isRegularFile(p) && isImage(p)).toList();
    }

    public static boolean isImage(Path file) {
        return IMAGE_EXTENSIONS.contains(extension(file.getFileName().toString()));
    }

    /** Lower-case extension without the dot, {@code ""} when there is none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The name without its extension. */
    public static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The file name, or the folder's, for messages and matching. */
    public static String name(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    /**
     * Finds the one folder that {@code matches} at {@code root} or up to {@code depth} levels below it: unpacked
     * copies often nest the distributed folders one level deeper ({@code Emotion_labels/Emotion/}, DATASETS.md §1).
     * A match is not searched further.
     *
     * @throws DatasetException listing the candidates when more than one folder matches
     */
    public static Optional<Path> find(Path root, Predicate<Path> matches, int depth, String what) {
        List<Path> found = new ArrayList<>();
        Deque<Path> level = new ArrayDeque<>(List.of(root));
        for (int d = 0; d <= depth && !level.isEmpty(); d++) {
            Deque<Path> next = new ArrayDeque<>();
            for (Path dir : level) {
                for (Path sub : folders(dir)) {
                    if (matches.test(sub)) {
                        found.add(sub);
                    } else if (d < depth) {
                        next.add(sub);
                    }
                }
            }
            level = next;
        }
        if (found.size() > 1) {
            throw new DatasetException(root, "holds " + found.size() + " " + what + " folders: " + found
                    + "; point at the folder of the one copy to use");
        }
        return found.stream().findFirst();
    }

    /**
     * A small text file (label files, the BP4D+ task map).
     *
     * @throws DatasetException naming the file when it cannot be read
     */
    public static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DatasetException(file, "is not a UTF-8/ASCII text file (" + e.getMessage() + "): save it as "
                    + "plain text, as the dataset distributes it", e);
        } catch (IOException | SecurityException e) {
            throw new DatasetException(file, "could not be read (" + e.getMessage() + "); check its permissions",
                    e);
        }
    }
}
