package io.github.mbaseresnet.data.bp4dplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.FixtureFiles;
import io.github.mbaseresnet.data.ImageCheck;
import io.github.mbaseresnet.data.ImageFiles;
import io.github.mbaseresnet.data.Manifest;
import io.github.mbaseresnet.data.ReadResult;
import io.github.mbaseresnet.data.Sample;
import io.github.mbaseresnet.data.ZipArchives;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated BP4D+ copies in the distributed layout (DATASETS.md §5): {@code 2D+3D/F001.zip} holding
 * {@code F001/T1/0001.jpg ...}, or unpacked folders; tiny gray JPEGs, never faces.
 */
class Bp4dPlusReaderTest {
    @TempDir
    Path dir;

    private final Bp4dPlusReader reader = new Bp4dPlusReader(Bp4dPlusReader.Options.defaults());

    /** Entry name → content; written in the given (unsorted) order, as real zips may be. */
    private static Path zip(Path file, Map<String, byte[]> entries) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code frames} frames of each task, numbered from 1, last task first. */
    private static Map<String, byte[]> frames(String subject, int frames, String... tasks) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int t = tasks.length - 1; t >= 0; t--) {
            for (int f = frames; f >= 1; f--) {
                entries.put(subject + "/" + tasks[t] + "/" + String.format("%04d.jpg", f), FixtureFiles.tiny("jpg"));
            }
        }
        return entries;
    }

    private static final String[] ALL_TASKS = {"T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10"};

    @Test
    void readsEveryFrameOfTheMappedTasksStraightFromTheZip() {
        Path root = dir.resolve("RawData");
        Map<String, byte[]> f001 = frames("F001", 2, ALL_TASKS);
        f001.put("F001/T1/notes.txt", "not a frame".getBytes());
        zip(root.resolve("2D+3D/F001.zip"), f001);
        zip(root.resolve("2D+3D/M001.zip"), frames("M001", 3, "T1", "T2", "T3", "T7", "T9"));
        FixtureFiles.folder(root.resolve("Physiology/F001/T1"));

        ReadResult result = reader.scan(root);

        assertThat(result.samples()).hasSize(6 * 2 + 5 * 3);
        assertThat(FixtureFiles.count(result.samples(), s -> s.subject() + " " + s.label().code())).isEqualTo(
                Map.ofEntries(Map.entry("F001 AN", 2), Map.entry("F001 DI", 2), Map.entry("F001 FE", 2),
                        Map.entry("F001 HA", 2), Map.entry("F001 SA", 2), Map.entry("F001 SU", 2),
                        Map.entry("M001 AN", 3), Map.entry("M001 FE", 3), Map.entry("M001 HA", 3),
                        Map.entry("M001 SA", 3), Map.entry("M001 SU", 3)));
        Sample first = result.samples().get(0);
        assertThat(first.subject()).isEqualTo("F001");
        assertThat(first.sequence()).isEqualTo("F001_T1");
        assertThat(first.frame()).isEqualTo(1);
        assertThat(first.label()).isEqualTo(Expression.HAPPINESS);
        assertThat(ZipArchives.describe(first.image()))
                .isEqualTo(root.resolve("2D+3D/F001.zip") + "!/F001/T1/0001.jpg");
        assertThat(ImageFiles.readGray(first.image()).width()).isEqualTo(4);
        assertThat(result.excludedByReason()).isEqualTo(Map.of(
                "task T4 is not in the task map (fer.bp4dplus.tasks)", 1,
                "task T5 is not in the task map (fer.bp4dplus.tasks)", 1,
                "task T6 is not in the task map (fer.bp4dplus.tasks)", 1,
                "task T8 is not in the task map (fer.bp4dplus.tasks)", 1,
                "mapped task has no frames for this subject", 1));
        assertThat(result.excluded()).filteredOn(e -> e.reason().startsWith("mapped")).singleElement()
                .satisfies(e -> assertThat(ZipArchives.describe(e.file())).endsWith("M001.zip!/M001/T10"));
    }

    @Test
    void zipEntriesAreHashedAndCheckedLikeFiles() {
        Path root = dir.resolve("RawData");
        zip(root.resolve("2D+3D/F001.zip"), frames("F001", 1, "T1"));
        List<Sample> samples = reader.read(root);

        Manifest manifest = Manifest.of(root, samples.stream().map(Sample::image).toList());

        assertThat(manifest.fileSha256()).containsOnlyKeys("2D+3D/F001.zip!/F001/T1/0001.jpg");
        ImageCheck.Outcome checked = new ImageCheck(Set.of()).apply(ReadResult.of(samples));
        assertThat(checked.survey()).isEqualTo("4x3 gray: 1");
    }

    @Test
    void readsUnpackedSubjectsAndEvenlySpacedFrames() {
        Path holder = dir.resolve("2D+3D");
        for (int f = 1; f <= 9; f++) {
            FixtureFiles.image(holder.resolve(String.format("F002/T2/%d.jpg", f)));
        }

        List<Sample> samples = new Bp4dPlusReader(new Bp4dPlusReader.Options(Bp4dPlusReader.TaskMap.defaults(), 3))
                .read(holder);

        assertThat(samples).extracting(Sample::frame).containsExactly(1, 5, 9);
        assertThat(samples).extracting(Sample::label).containsOnly(Expression.SURPRISE);
        assertThat(samples.get(0).image()).isEqualTo(holder.resolve("F002/T2/1.jpg"));
    }

    @Test
    void taskWithFewerFramesThanRequestedIsACountedExclusion() {
        Map<String, byte[]> entries = frames("F001", 2, "T1", "T2");
        entries.putAll(frames("F001", 3, "T3"));
        zip(dir.resolve("2D+3D/F001.zip"), entries);

        ReadResult result = new Bp4dPlusReader(new Bp4dPlusReader.Options(Bp4dPlusReader.TaskMap.defaults(), 3))
                .scan(dir);

        assertThat(result.excludedByReason()).containsEntry("task has fewer frames than fer.bp4dplus.frames=3", 2);
        assertThat(result.samples()).extracting(Sample::frame).containsExactly(1, 2, 3);
    }

    @Test
    void taskMapComesFromAConfigFile() throws IOException {
        zip(dir.resolve("2D+3D/F001.zip"), frames("F001", 1, "T1", "T4"));
        Path map = FixtureFiles.text(dir.resolve("tasks.properties"), "# mine\nT4 = surprise\n");

        List<Sample> samples = new Bp4dPlusReader(new Bp4dPlusReader.Options(Bp4dPlusReader.TaskMap.load(map), 0))
                .read(dir);

        assertThat(samples).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo(Expression.SURPRISE);
            assertThat(s.sequence()).isEqualTo("F001_T4");
        });
        assertThat(Bp4dPlusReader.TaskMap.defaults().tasks()).isEqualTo(Map.of("T1", Expression.HAPPINESS,
                "T2", Expression.SURPRISE, "T3", Expression.SADNESS, "T7", Expression.FEAR, "T9", Expression.ANGER,
                "T10", Expression.DISGUST));
        Files.writeString(map, "T4=startle\n");
        assertThatThrownBy(() -> Bp4dPlusReader.TaskMap.load(map)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(map.toString()).hasMessageContaining("'startle'");
        assertThatThrownBy(() -> Bp4dPlusReader.TaskMap.load(dir.resolve("none.properties")))
                .hasMessageContaining("does not exist (fer.bp4dplus.tasks)");
    }

    @Test
    void subjectBothZippedAndUnpackedIsADuplicate() {
        zip(dir.resolve("2D+3D/F001.zip"), frames("F001", 1, "T1"));
        FixtureFiles.image(dir.resolve("2D+3D/F001/T1/0001.jpg"));

        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("duplicate subject");
    }

    @Test
    void badEntriesAreErrorsNamingTheArchive() {
        Path zip = dir.resolve("2D+3D/F001.zip");
        Map<String, byte[]> entries = frames("F001", 1, "T1");
        entries.put("F001/T1/frame.jpg", FixtureFiles.tiny("jpg"));
        zip(zip, entries);
        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining(zip + "!/F001/T1/frame.jpg")
                .hasMessageContaining("no frame number");

        entries.remove("F001/T1/frame.jpg");
        entries.put("F001/T1/99999999999.jpg", FixtureFiles.tiny("jpg"));
        zip(zip, entries);
        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining(zip + "!/F001/T1/99999999999.jpg")
                .hasMessageContaining("too large to be a frame index");

        entries.remove("F001/T1/99999999999.jpg");
        entries.put("F002/T1/0001.jpg", FixtureFiles.tiny("jpg"));
        zip(zip, entries);
        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("unexpected frame location");
    }

    @Test
    void macOsMetadataInZipsIsNotData() {
        Map<String, byte[]> entries = frames("F001", 1, "T1");
        entries.put("__MACOSX/F001/T1/._0001.jpg", new byte[] {1});
        zip(dir.resolve("2D+3D/F001.zip"), entries);

        assertThat(reader.read(dir)).hasSize(1);
    }

    @Test
    void corruptZipIsAnError() {
        Path zip = FixtureFiles.text(dir.resolve("2D+3D/F001.zip"), "not a zip");

        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(zip.toString()).hasMessageContaining("not a readable zip archive");
    }

    @Test
    void wrongRootsSaySo() {
        zip(dir.resolve("RawData/2D+3D/F001.zip"), frames("F001", 1, "T1"));
        FixtureFiles.image(dir.resolve("unpacked/F001/T1/0001.jpg"));

        assertThatThrownBy(() -> reader.read(dir.resolve("unpacked/F001")))
                .hasMessageContaining("point at the folder that contains 2D+3D/");
        Path empty = FixtureFiles.folder(dir.resolve("empty"));
        assertThatThrownBy(() -> reader.read(empty)).hasMessageContaining("no 2D+3D/ folder");
        Path onlyUnmapped = dir.resolve("unmapped");
        zip(onlyUnmapped.resolve("2D+3D/F001.zip"), frames("F001", 1, "T4"));
        assertThatThrownBy(() -> reader.read(onlyUnmapped)).hasMessageContaining("no frame of a mapped task");
    }
}
