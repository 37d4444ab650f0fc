package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.align.Face;
import io.github.mbaseresnet.align.FaceCache;
import io.github.mbaseresnet.align.FacePreparation;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.Sample;
import io.github.mbaseresnet.data.jaffe.JaffeFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The face cache as a reproduction uses it, on a JAFFE-layout folder of synthetic faces. */
class PreparedFacesTest {
    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    /** Detection off unless asked for: these tests are about the cache, and without it every face is exact. */
    private HarnessSettings settings(Path jaffe, String... extra) {
        Map<String, String> values = new HashMap<>(Map.of("fer.data.jaffe", jaffe.toString(), "fer.lock.enforce",
                "false", "fer.cache", dir.resolve("generated").toString(), "fer.cache.dir",
                dir.resolve("faces").toString(), "fer.detect", "false"));
        for (int i = 0; i < extra.length; i += 2) {
            values.put(extra[i], extra[i + 1]);
        }
        return HarnessSettings.of(values);
    }

    private FaceCache.Lookup prepare(HarnessSettings settings, DatasetSource.LoadedDataset dataset) {
        return new PreparedFaces(settings, log::add).of(dataset, FacePreparation.Progress.NONE);
    }

    private static void assertSameFaces(List<Face> actual, List<Face> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).id()).isEqualTo(expected.get(i).id());
            assertThat(actual.get(i).subject()).isEqualTo(expected.get(i).subject());
            assertThat(actual.get(i).label()).isEqualTo(expected.get(i).label());
            assertThat(Arrays.equals(actual.get(i).pixels().pixels(), expected.get(i).pixels().pixels())).isTrue();
        }
    }

    @Test
    void theSecondPreparationReadsNoImage(@TempDir Path data) throws IOException {
        Path jaffe = JaffeFixture.writeFaces(data.resolve("jaffe"));
        HarnessSettings settings = settings(jaffe);
        DatasetSource.LoadedDataset dataset = new DatasetSource(settings).load(DatasetId.JAFFE).orElseThrow();
        FaceCache.Lookup first = prepare(settings, dataset);
        FacePreparation.Prepared uncached = prepare(settings(jaffe, "fer.cache.enabled", "false"), dataset)
                .prepared();

        try (var images = Files.list(jaffe)) { // from now on, any image read would fail naming the file
            for (Path image : images.toList()) {
                Files.delete(image);
            }
        }
        FaceCache.Lookup second = prepare(settings, dataset);

        assertThat(first.status()).isEqualTo(FaceCache.Status.BUILT);
        assertThat(second.status()).isEqualTo(FaceCache.Status.HIT);
        assertThat(second.file()).isEqualTo(first.file());
        assertThat(second.file().orElseThrow()).startsWith(dir.resolve("faces"));
        assertThat(second.prepared().faces()).hasSize(183); // 213 less the 30 neutral faces
        assertThat(second.prepared().alignedBy()).isEqualTo(Map.of("none", 183)).isEqualTo(uncached.alignedBy());
        assertSameFaces(second.prepared().faces(), uncached.faces());
        assertSameFaces(first.prepared().faces(), uncached.faces());
        assertThat(log).isEmpty();
    }

    @Test
    void everySettingTheFacesDependOnChangesTheKey(@TempDir Path data) {
        Path jaffe = JaffeFixture.write(data.resolve("jaffe"));
        DatasetSource.LoadedDataset dataset = new DatasetSource(settings(jaffe)).load(DatasetId.JAFFE).orElseThrow();
        List<String[]> changes = List.of(new String[] {}, new String[] {"fer.align.size", "72"},
                new String[] {"fer.align.method", "centre"}, new String[] {"fer.align.fraction.jaffe", "0.75"},
                new String[] {"fer.classes", "AN,DI,FE,HA,SA,SU,NE"}, new String[] {"fer.classes", "HA,SA"},
                new String[] {"fer.detect", "true"}, new String[] {"fer.detect", "true", "fer.detect.neighbours", "5"});
        Set<String> names = changes.stream().map(c -> new PreparedFaces(settings(jaffe, c), log::add).key(dataset)
                .fileName()).collect(Collectors.toSet());
        assertThat(names).hasSize(changes.size());

        PreparedFaces defaults = new PreparedFaces(settings(jaffe), log::add);
        // settings that do not touch the aligned faces keep the key: the training crop is cut later
        assertThat(new PreparedFaces(settings(jaffe, "fer.crop", "60", "fer.epochs", "3"), log::add).key(dataset))
                .isEqualTo(defaults.key(dataset));

        List<Sample> relabelled = new ArrayList<>(dataset.samples()); // a reader's label map, same files
        Sample s = relabelled.get(0);
        relabelled.set(0, new Sample(s.image(), s.subject(), s.label() == Expression.ANGER ? Expression.DISGUST
                : Expression.ANGER, s.sequence(), s.frame()));
        assertThat(defaults.key(withSamples(dataset, relabelled, dataset.manifest())).fileName())
                .isNotEqualTo(defaults.key(dataset).fileName());

        Path other = JaffeFixture.writeFaces(data.resolve("other-copy")); // same names, other bytes
        var otherCopy = new DatasetSource(settings(other)).load(DatasetId.JAFFE).orElseThrow();
        assertThat(defaults.key(otherCopy).manifest()).isNotEqualTo(defaults.key(dataset).manifest());
        assertThat(defaults.key(otherCopy).fileName()).isNotEqualTo(defaults.key(dataset).fileName());
        assertThat(defaults.key(dataset).landmarks()).isEqualTo("none");
        assertThat(new PreparedFaces(settings(jaffe), log::add).key(dataset).text()).contains("size=70")
                .contains("classes=AN,DI,FE,HA,SA,SU").contains("aligner=landmarks->");
    }

    private static DatasetSource.LoadedDataset withSamples(DatasetSource.LoadedDataset d, List<Sample> samples,
            io.github.mbaseresnet.data.Manifest manifest) {
        return new DatasetSource.LoadedDataset(d.id(), d.root(), samples, manifest, d.lockCheck(), d.excluded(),
                d.images());
    }

    @Test
    void aChangedSettingIsAlignedAgainNotServedFromTheOldFile(@TempDir Path data) {
        Path jaffe = JaffeFixture.writeFaces(data.resolve("jaffe"));
        var dataset = new DatasetSource(settings(jaffe)).load(DatasetId.JAFFE).orElseThrow();
        prepare(settings(jaffe), dataset);
        FaceCache.Lookup bigger = prepare(settings(jaffe, "fer.align.size", "72"), dataset);
        assertThat(bigger.status()).isEqualTo(FaceCache.Status.BUILT);
        assertThat(bigger.prepared().faces().get(0).pixels().width()).isEqualTo(72);
    }

    @Test
    void anUnwritableCacheFolderGivesAWarningAndTheSameFacesAsNoCache(@TempDir Path data) throws IOException {
        Path jaffe = JaffeFixture.writeFaces(data.resolve("jaffe"));
        Path blocked = Files.writeString(dir.resolve("plain-file"), "x").resolve("faces");
        HarnessSettings settings = settings(jaffe, "fer.cache.dir", blocked.toString());
        var dataset = new DatasetSource(settings).load(DatasetId.JAFFE).orElseThrow();

        FaceCache.Lookup lookup = prepare(settings, dataset);

        assertThat(lookup.status()).isEqualTo(FaceCache.Status.UNCACHED);
        assertThat(log).singleElement().asString().contains("warning: the face cache folder " + blocked);
        assertSameFaces(lookup.prepared().faces(),
                prepare(settings(jaffe, "fer.cache.enabled", "false"), dataset).prepared().faces());
    }
}
