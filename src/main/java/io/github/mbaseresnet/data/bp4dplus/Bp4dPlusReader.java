package io.github.mbaseresnet.data.bp4dplus;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.DatasetFolders;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.ExcludingReader;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.Frame;
import io.github.mbaseresnet.data.ReadResult;
import io.github.mbaseresnet.data.Sample;
import io.github.mbaseresnet.data.ZipArchives;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the 2-D frames of BP4D+ as distributed (DATASETS.md §5, after rPPG-Toolbox's {@code BP4DPlusLoader}):
 * {@code 2D+3D/F001.zip} holding {@code F001/T1/*.jpg ... F001/T10/*.jpg}, read straight from the zip without
 * unpacking, or an unpacked {@code F001/T1/*.jpg}; subjects {@code F001..}, {@code M001..}, tasks {@code T1..T10}.
 * The other modalities (2DFeatures, AUCoding, Physiology, Thermal) are not read.
 *
 * <p>BP4D+ has no per-frame emotion label: the label is the eliciting task, through the {@link TaskMap} kept in a
 * config file (default {@code tasks.properties} next to this class: T1 happiness, T2 surprise, T3 sadness, T7 fear,
 * T9 anger, T10 disgust, [M]). No frame selection is published [M]: every frame of a mapped task is taken, or
 * {@link Options#frames()} evenly spaced ones. Unmapped tasks, missing tasks and too-short tasks are counted
 * exclusions; a frame name without a number, an entry of another subject and a subject both zipped and unpacked
 * are errors.
 */
public final class Bp4dPlusReader implements ExcludingReader {

    static final String FOLDER = "2D+3D";
    private static final Pattern SUBJECT = Pattern.compile("[FM]\\d{3}");
    private static final Pattern ZIP = Pattern.compile("([FM]\\d{3})\\.zip", Pattern.CASE_INSENSITIVE);
    private static final Pattern TASK = Pattern.compile("T\\d{1,2}");
    private static final Pattern FRAME = Pattern.compile("\\D*(\\d+)\\.jpe?g", Pattern.CASE_INSENSITIVE);

    private final Options options;

    /**
     * Which task elicits which expression ({@code fer.bp4dplus.tasks}: a properties file {@code T1=happiness}).
     *
     * @param tasks expression per task name ({@code T1}), sorted
     */
    public record TaskMap(Map<String, Expression> tasks) {
        private static final String DEFAULT_RESOURCE = "tasks.properties";

        public TaskMap {
            tasks = Collections.unmodifiableMap(new TreeMap<>(tasks));
            if (tasks.isEmpty()) {
                throw new IllegalArgumentException("the BP4D+ task map maps no task");
            }
        }

        /** The documented default, from the {@code tasks.properties} resource shipped with the harness. */
        public static TaskMap defaults() {
            try (InputStream in = Bp4dPlusReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the build");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Reads a task map file.
         *
         * @throws DatasetException naming the file when it is missing or maps a task to an unknown expression
         */
        public static TaskMap load(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new DatasetException(file, "BP4D+ task map file does not exist (fer.bp4dplus.tasks); copy "
                        + "the default io/github/mbaseresnet/data/bp4dplus/tasks.properties and edit it");
            }
            try {
                return parse(DatasetFolders.readText(file), file.toString());
            } catch (IllegalArgumentException e) {
                throw new DatasetException(file, e.getMessage(), e);
            }
        }

        private static TaskMap parse(String text, String source) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(text));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " is not a properties file (" + e.getMessage() + ")");
            }
            Map<String, Expression> tasks = new TreeMap<>();
            for (String task : p.stringPropertyNames()) {
                if (!TASK.matcher(task).matches()) {
                    throw new IllegalArgumentException("'" + task + "' is not a BP4D+ task (T1 ... T10)");
                }
                String value = p.getProperty(task);
                tasks.put(task, Expression.fromWordOrCode(value).orElseThrow(() -> new IllegalArgumentException(
                        "task " + task + " maps to '" + value + "', which is not one of " + Expression.WORD_LIST)));
            }
            return new TaskMap(tasks);
        }
    }

    /**
     * The task map and how many frames each task gives.
     *
     * @param tasks  task → expression ({@code fer.bp4dplus.tasks}, the shipped {@code tasks.properties})
     * @param frames frames per task, evenly spaced; 0 = every frame ({@code fer.bp4dplus.frames}, 0)
     */
    public record Options(TaskMap tasks, int frames) {
        public Options {
            if (frames < 0) {
                throw new IllegalArgumentException("fer.bp4dplus.frames=" + frames + " must be 0 (all) or more");
            }
        }

        public static Options defaults() {
            return new Options(TaskMap.defaults(), 0);
        }
    }

    public Bp4dPlusReader(Options options) {
        this.options = options;
    }


    @Override
    public ReadResult scan(Path root) {
        DatasetFolders.requireFolder(root, DatasetId.BP4DPLUS);
        Path holder = subjectsFolder(root);
        Map<String, Path> subjects = subjects(holder);
        ReadResult.Builder out = new ReadResult.Builder();
        subjects.forEach((subject, location) -> {
            boolean zipped = !Files.isDirectory(location);
            Path top = zipped ? ZipArchives.open(location).getPath("/") : holder;
            readSubject(subject, top.resolve(subject), tasks(subject, top, zipped ? top : location, location), out);
        });
        if (!out.hasSamples()) {
            throw new DatasetException(holder, "no frame of a mapped task (" + options.tasks().tasks().keySet()
                    + ") was found; expected F001.zip holding F001/T1/<frame>.jpg");
        }
        return out.build();
    }

    private void readSubject(String subject, Path tasksRoot, Map<String, List<Frame>> tasks,
            ReadResult.Builder out) {
        tasks.keySet().stream().filter(t -> !options.tasks().tasks().containsKey(t)).forEach(t ->
                out.exclude(tasksRoot.resolve(t), "task " + t + " is not in the task map (fer.bp4dplus.tasks)"));
        options.tasks().tasks().forEach((task, label) -> {
            List<Frame> frames = tasks.getOrDefault(task, List.of());
            Path where = tasksRoot.resolve(task);
            if (frames.isEmpty()) {
                out.exclude(where, "mapped task has no frames for this subject");
            } else if (frames.size() < options.frames()) {
                out.exclude(where, "task has fewer frames than fer.bp4dplus.frames=" + options.frames());
            } else {
                spread(frames).forEach(f -> out.add(new Sample(f.image(), subject, label, subject + "_" + task,
                        f.index())));
            }
        });
    }

    /** All frames, or {@link Options#frames()} evenly spaced from the first to the last (one: the middle). */
    private List<Frame> spread(List<Frame> frames) {
        int n = options.frames();
        if (n == 0 || n == frames.size()) {
            return frames;
        }
        if (n == 1) {
            return List.of(frames.get((frames.size() - 1) / 2));
        }
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(frames.get((int) Math.round(i * (frames.size() - 1) / (double) (n - 1))));
        }
        return out;
    }

    /**
     * Frames per task folder name, sorted by frame number: the .jpg files under {@code start} (the whole zip, or the
     * unpacked subject folder), named relative to {@code top} (the zip's root, or the folder holding the subjects).
     */
    private static Map<String, List<Frame>> tasks(String subject, Path top, Path start, Path location) {
        Map<String, List<Frame>> tasks = new TreeMap<>();
        for (Path file : jpegs(start, location)) {
            Path relative = top.relativize(file);
            if (relative.getNameCount() != 3 || !relative.getName(0).toString().equals(subject)
                    || !TASK.matcher(relative.getName(1).toString()).matches()) {
                throw new DatasetException(file, "unexpected frame location; BP4D+ frames are " + subject
                        + "/T1/<frame>.jpg ... " + subject + "/T10/<frame>.jpg");
            }
            Matcher m = FRAME.matcher(DatasetFolders.name(file));
            if (!m.matches()) {
                throw new DatasetException(file, "frame file name has no frame number (expected e.g. 0001.jpg)");
            }
            List<Frame> frames = tasks.computeIfAbsent(relative.getName(1).toString(), t -> new ArrayList<>());
            if (m.group(1).length() > 9) { // frame numbers of a 10-task session fit easily; more digits is a bad name
                throw new DatasetException(file, "frame number " + m.group(1) + " is too large to be a frame index");
            }
            int index = Integer.parseInt(m.group(1));
            Optional<Frame> same = frames.stream().filter(f -> f.index() == index).findFirst();
            if (same.isPresent()) {
                throw new DatasetException(file, "duplicate frame: " + ZipArchives.describe(same.get().image())
                        + " has the same number; keep one of them");
            }
            frames.add(new Frame(file, index));
        }
        tasks.replaceAll((t, frames) -> frames.stream().sorted((a, b) -> Integer.compare(a.index(), b.index()))
                .toList());
        return tasks;
    }

    /** The .jpg files under {@code start}; other entries (3-D models, notes) are another modality. */
    private static List<Path> jpegs(Path start, Path reported) {
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> List.of("jpg", "jpeg").contains(DatasetFolders.extension(DatasetFolders.name(p))))
                    .filter(p -> !hiddenOrMacOsMetadata(start.relativize(p)))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException(reported, "could not be listed (" + e.getMessage() + ")", e);
        }
    }

    /** {@code 2D+3D/} (or the given folder when it is {@code 2D+3D/} or holds the subjects itself). */
    private static Path subjectsFolder(Path root) {
        if (DatasetFolders.name(root).equals(FOLDER) || !subjects(root).isEmpty()) {
            return root;
        }
        Optional<Path> found = DatasetFolders.find(root, p -> DatasetFolders.name(p).equals(FOLDER), 1, FOLDER + "/");
        if (found.isPresent()) {
            return found.get();
        }
        if (SUBJECT.matcher(DatasetFolders.name(root)).matches() || TASK.matcher(DatasetFolders.name(root))
                .matches()) {
            throw new DatasetException(root, "this is a folder inside BP4D+: point at the folder that contains "
                    + FOLDER + "/ (perhaps " + root.toAbsolutePath().getParent() + ")");
        }
        throw new DatasetException(root, "no " + FOLDER + "/ folder and no subject F001.zip or F001/ was found in "
                + "it or one level below. " + DatasetId.BP4DPLUS.obtainHint());
    }

    /** Subject → its zip or unpacked folder. */
    private static Map<String, Path> subjects(Path holder) {
        Map<String, Path> subjects = new TreeMap<>();
        for (Path p : DatasetFolders.list(holder)) {
            String name = DatasetFolders.name(p);
            Matcher zip = ZIP.matcher(name);
            String subject = Files.isDirectory(p) && SUBJECT.matcher(name).matches() ? name
                    : Files.isRegularFile(p) && zip.matches() ? zip.group(1) : null;
            if (subject != null) {
                Path before = subjects.putIfAbsent(subject, p);
                if (before != null) {
                    throw new DatasetException(p, "duplicate subject: " + before + " holds the same subject; keep "
                            + "either the zip or the unpacked folder");
                }
            }
        }
        return subjects;
    }

    /** Zips made on macOS carry {@code __MACOSX/} and {@code ._name} copies of every entry: not frames. */
    private static boolean hiddenOrMacOsMetadata(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".") || part.toString().equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }
}
