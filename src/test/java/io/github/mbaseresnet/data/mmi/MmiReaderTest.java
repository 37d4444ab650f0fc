package io.github.mbaseresnet.data.mmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.FixtureFiles;
import io.github.mbaseresnet.data.ReadResult;
import io.github.mbaseresnet.data.Sample;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated MMI sessions in the downloaded layout (DATASETS.md §3): {@code Sessions/<id>/} with session.xml,
 * {@code S001-002.xml}, {@code S001-002-oao_aucs.xml} and still images or a (fake) AVI; tiny PNGs, never faces.
 */
class MmiReaderTest {
    @TempDir
    Path dir;

    private final MmiReader reader = new MmiReader(MmiReader.Options.DEFAULT);

    private Path sessions() {
        return dir.resolve("mmi-facial-expression-database_download_2019-04-27_05_06_23/Sessions");
    }

    /** A session folder with its session.xml (view) and metadata (Emotion code, or none when null). */
    private Path session(String id, String media, String view, Integer emotion) {
        Path s = sessions().resolve(id);
        FixtureFiles.text(s.resolve("session.xml"), "<?xml version=\"1.0\"?>\n<session sessionId=\"" + id
                + "\">\n  <track id=\"0\" type=\"1\" view=\"" + view + "\"/>\n</session>\n");
        FixtureFiles.text(s.resolve(media + ".xml"), "<?xml version=\"1.0\"?>\n<Metadata>\n"
                + "  <Metatag Name=\"Gender\" Value=\"1\"/>\n"
                + (emotion == null ? "" : "  <Metatag Name=\"Emotion\" Value=\"" + emotion + "\"/>\n")
                + "</Metadata>\n");
        return s;
    }

    /** Action-unit markers: one AU per apex frame given (onset 1 frame before, offset 1 after). */
    private static void markers(Path session, String media, int... apexes) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<ActionUnits>\n");
        for (int i = 0; i < apexes.length; i++) {
            xml.append("  <ActionUnit Number=\"").append(i + 1).append("\">\n")
                    .append("    <Marker Frame=\"").append(apexes[i] - 1).append("\" Type=\"1\"/>\n")
                    .append("    <Marker Frame=\"").append(apexes[i]).append("\" Type=\"2\"/>\n")
                    .append("    <Marker Frame=\"").append(apexes[i] + 1).append("\" Type=\"3\"/>\n")
                    .append("  </ActionUnit>\n");
        }
        FixtureFiles.text(session.resolve(media + "-oao_aucs.xml"), xml.append("</ActionUnits>\n").toString());
    }

    private static void stills(Path session, String media, int frames) {
        for (int f = 1; f <= frames; f++) {
            FixtureFiles.image(session.resolve(String.format("%s-%04d.png", media, f)));
        }
    }

    @Test
    void readsStillsAndFramesAroundTheApex() {
        Path still = session("1", "S001-001", "0", 4);
        FixtureFiles.image(still.resolve("S001-001.png"));
        Path frames = session("2", "S002-005", "0", 6);
        stills(frames, "S002-005", 10);
        markers(frames, "S002-005", 4, 6, 9);
        FixtureFiles.text(frames.resolve("S002-005.avi"), "video is not read when stills are there");
        Path profile = session("3", "S002-006", "1", 2);
        Path actionUnitsOnly = session("4", "S003-001", "0", null);
        Path unmapped = session("5", "S003-002", "0", 7);

        ReadResult result = reader.scan(dir);

        assertThat(result.samples()).containsExactly(
                new Sample(still.resolve("S001-001.png"), "S001", Expression.HAPPINESS, "S001-001", 0),
                new Sample(frames.resolve("S002-005-0005.png"), "S002", Expression.SURPRISE, "S002-005", 5),
                new Sample(frames.resolve("S002-005-0006.png"), "S002", Expression.SURPRISE, "S002-005", 6),
                new Sample(frames.resolve("S002-005-0007.png"), "S002", Expression.SURPRISE, "S002-005", 7));
        assertThat(result.excluded()).extracting(e -> e.file()).containsExactly(profile, actionUnitsOnly, unmapped);
        assertThat(result.excludedByReason()).isEqualTo(Map.of(
                "view 1 is not in fer.mmi.views=0,frontal", 1,
                "session has no Emotion metatag (action units only)", 1,
                "Emotion code 7 is not in fer.mmi.emotions", 1));
    }

    @Test
    void viewsAndCodeMapAreSettings() {
        Path s = session("3", "S002-006", "frontal", 2);
        FixtureFiles.image(s.resolve("S002-006.png"));

        MmiReader custom = new MmiReader(new MmiReader.Options(Map.of(2, Expression.FEAR), Set.of("frontal"), 3));

        assertThat(custom.read(dir)).singleElement().satisfies(x -> assertThat(x.label()).isEqualTo(Expression.FEAR));
    }

    @Test
    void videoOnlySessionsNeedFfmpegWhichThisBuildLeavesOut() {
        Path s = session("2", "S001-002", "0", 1);
        Path avi = FixtureFiles.text(s.resolve("S001-002.avi"), "RIFF....AVI ");

        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(avi.toString())
                .hasMessageContaining("1 frontal, labelled session(s) hold only video")
                .hasMessageContaining("needs FFmpeg").hasMessageContaining("org.bytedeco")
                .hasMessageContaining("ffmpeg -i S001-002.avi S001-002-%04d.png");
    }

    @Test
    void multiFrameSessionWithoutApexIsACountedExclusion() {
        Path ok = session("1", "S001-001", "0", 4);
        FixtureFiles.image(ok.resolve("S001-001.png"));
        Path s = session("2", "S001-002", "0", 1);
        stills(s, "S001-002", 5);

        assertThat(reader.scan(dir).excludedByReason())
                .isEqualTo(Map.of("multi-frame session without an apex marker in its -oao_aucs.xml", 1));
    }

    @Test
    void missingOrBrokenFilesAreErrorsNamingThem() {
        Path s = session("1", "S001-001", "0", 4);
        FixtureFiles.image(s.resolve("S001-001.png"));
        s.resolve("session.xml").toFile().delete();
        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("session.xml")
                .hasMessageContaining("session file is missing");

        FixtureFiles.text(s.resolve("session.xml"), "<session><track view=\"0\"></session>");
        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("session.xml")
                .hasMessageContaining("not well-formed XML");

        FixtureFiles.text(s.resolve("session.xml"), "<session><track view=\"0\"/></session>");
        FixtureFiles.text(s.resolve("S001-001.xml"), "<Metadata><Metatag Name=\"Emotion\" Value=\"happy\"/></Metadata>");
        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("S001-001.xml")
                .hasMessageContaining("unknown Emotion code 'happy'");

        s.resolve("S001-001.xml").toFile().delete();
        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("no metadata file");
    }

    @Test
    void sessionWithNeitherImagesNorVideoIsAnError() {
        session("1", "S001-001", "0", 4);

        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("neither still images nor the video");
    }

    @Test
    void wrongRootsSaySo() {
        Path s = session("1", "S001-001", "0", 4);
        FixtureFiles.image(s.resolve("S001-001.png"));

        assertThat(reader.read(sessions())).hasSize(1);
        assertThatThrownBy(() -> reader.read(s)).hasMessageContaining("this is one MMI session");
        Path empty = FixtureFiles.folder(dir.resolve("empty"));
        assertThatThrownBy(() -> reader.read(empty)).hasMessageContaining("no Sessions/ folder")
                .hasMessageContaining("mmifacedb.eu");
    }
}
