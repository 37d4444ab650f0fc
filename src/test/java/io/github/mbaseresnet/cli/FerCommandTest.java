package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.support.Dl4jTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line driven in-process: output on stdout, messages on stderr, exit codes. */
class FerCommandTest extends Dl4jTestBase {
    record Result(int code, String out, String err) {
    }

    static Result fer(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void everySubcommandHasHelp() {
        for (String[] sub : new String[][] {{"train"}, {"evaluate"}, {"model"}, {"datasets"}, {"datasets", "verify"},
                {"prepare"}, {"report"}, {"report", "compare"}, {"merge"}, {"gpu"}}) {
            String[] args = java.util.Arrays.copyOf(sub, sub.length + 1);
            args[sub.length] = "--help";
            Result r = fer(args);
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Usage: fer " + String.join(" ", sub));
        }
    }

    @Test
    void modelPrintsTheLayerTableAndTheVariantComparison() {
        Result r = fer("model", "--protocol", "smoke");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("b1_block1_asc_scale").contains("total").contains("params/SE")
                .contains("CNN (baseline)");
    }

    @Test
    void datasetsVerifyPrintsCountsAndTheLockDifferences(@TempDir Path dir) {
        Path jaffe = io.github.mbaseresnet.data.jaffe.JaffeFixture.writeFaces(dir.resolve("jaffe"));
        Result r = fer("datasets", "verify", "jaffe", "-D", "fer.data.jaffe=" + jaffe);
        // the fixture has the real names and counts but other pixels: only the manifest hash differs
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("JAFFE at " + jaffe + ": 213 images, 10 subjects")
                .contains("per class:   AN 30, DI 29, FE 32, HA 31, NE 30, SA 31, SU 30")
                .contains("DIFFERS from datasets.lock").contains("manifest_sha256: expected 6b0b60d8");
        boolean anyConfigured = java.util.Arrays.stream(io.github.mbaseresnet.data.DatasetId.values())
                .anyMatch(d -> io.github.mbaseresnet.experiment.HarnessSettings.fromEnvironment().datasetRoot(d)
                        .isPresent());
        if (!anyConfigured) { // a run with -Dfer.data.<x> set has something to verify
            Result none = fer("datasets", "verify");
            assertThat(none.code()).isEqualTo(1);
            assertThat(none.err()).contains("no dataset is configured");
        }
    }

    @Test
    void relockPinsTheCopySoThatVerifyPassesAndThenNamesAChangedFile(@TempDir Path dir) throws Exception {
        Path jaffe = io.github.mbaseresnet.data.jaffe.JaffeFixture.writeFaces(dir.resolve("jaffe"));
        Path lock = Files.copy(Path.of("datasets.lock"), dir.resolve("datasets.lock"));
        String[] settings = {"-D", "fer.data.jaffe=" + jaffe, "-D", "fer.lock=" + lock};
        Result relock = fer(concat(new String[] {"datasets", "relock", "jaffe"}, settings));
        assertThat(relock.code()).as(relock.err()).isZero();
        assertThat(relock.out()).contains("pinned jaffe in " + lock + ": 213 files, 10 subjects")
                .contains("(was 6b0b60d8");
        assertThat(Files.readString(lock)).contains("  synthetic:").contains("KA.AN1.1.tiff:")
                .contains("# datasets.lock"); // the other entries and the header comment are kept
        assertThat(fer(concat(new String[] {"datasets", "verify", "jaffe"}, settings)).code()).isZero();

        Files.write(jaffe.resolve("KA.AN1.1.tiff"), new byte[] {1, 2, 3}); // bytes no longer the pinned ones
        Result verify = fer(concat(new String[] {"datasets", "verify", "jaffe", "-D", "fer.images.check=false"},
                settings));
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.out()).contains("changed files: expected none, found 1 [KA.AN1.1.tiff]");
    }

    @Test
    void prepareAlignsOnceFillsTheCacheAndSaysWhereTheLandmarksCameFrom(@TempDir Path dir) throws Exception {
        Path jaffe = io.github.mbaseresnet.data.jaffe.JaffeFixture.writeFaces(dir.resolve("jaffe"));
        String[] settings = {"-D", "fer.data.jaffe=" + jaffe, "-D", "fer.lock.enforce=false", "-D",
                "fer.cache=" + dir.resolve("generated"), "-D", "fer.cache.dir=" + dir.resolve("faces"), "-D",
                "fer.detect=false", "-D", "fer.results=" + dir.resolve("results")}; // detection has tests of its own (FaceDetectorTest, FaceDetectionPhotoTest)
        Result first = fer(concat(new String[] {"prepare", "jaffe"}, settings));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("JAFFE at " + jaffe + ": 183 faces of [AN, DI, FE, HA, SA, SU]")
                .contains("landmarks:  none 183 (100.0%, no landmarks: centre crop)")
                .contains("face cache: " + dir.resolve("faces").resolve("jaffe-")).contains(".faces (written)")
                .contains("contact sheet: " + dir.resolve("results/figures/jaffe-contact-sheet.png"));
        assertThat(dir.resolve("results/figures/jaffe-contact-sheet.png")).isRegularFile();
        assertThat(first.err()).contains("\raligning jaffe: [").endsWith("] 183/183" + System.lineSeparator());

        Result second = fer(concat(new String[] {"prepare", "jaffe", "-q"}, settings));
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("(already filled: nothing aligned)");
        assertThat(second.err()).isEmpty();

        Path blocked = Files.writeString(dir.resolve("plain-file"), "x").resolve("faces");
        Result unwritable = fer(concat(new String[] {"prepare", "jaffe", "-q"},
                concat(settings, new String[] {"-D", "fer.cache.dir=" + blocked})));
        assertThat(unwritable.code()).isEqualTo(1);
        assertThat(unwritable.err()).contains("warning: the face cache folder " + blocked);
        assertThat(unwritable.out()).contains("NOT written");

        assertThat(fer("prepare", "jaffe").err()).contains("fer prepare: JAFFE is not configured");
        assertThat(fer("prepare", "affectnet").code()).isEqualTo(2);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void anUnknownDatasetIsAUsageError() {
        Result r = fer("train", "--dataset", "affectnet");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown dataset 'affectnet'").contains("jaffe");
        Result p = fer("model", "--protocol", "fast");
        assertThat(p.code()).isEqualTo(2);
        assertThat(p.err()).contains("unknown protocol 'fast'");
    }

    @Test
    void aDatasetThatIsNotConfiguredSaysHowToConfigureItWithoutAStackTrace() {
        Result r = fer("train", "--dataset", "jaffe");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("fer train: JAFFE is not configured").contains("-Dfer.data.jaffe=<folder>")
                .doesNotContain("at io.github");
        assertThat(fer("train", "--dataset", "jaffe", "--verbose").err()).contains("at io.github");
    }

    @Test
    void trainRunsOneCellOnTheEmbeddedDatasetAndWritesItsRunRecord(@TempDir Path dir) throws Exception {
        Result r = fer("train", "--dataset", "synthetic", "--protocol", "smoke", "-q", "-D", "fer.epochs=1",
                "-D", "fer.folds.limit=1", "-D", "fer.results=" + dir, "-D", "fer.cache=" + dir.resolve("cache"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Synthetic (embedded) · MBA-SE-ResNet + proposed loss")
                .contains("protocol smoke-custom");
        assertThat(r.err()).doesNotContain("epoch 1:");
        try (var files = Files.walk(dir.resolve("train"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".json"))).hasSize(1);
        }
    }

    @Test
    void aMistypedSettingIsAUsageErrorNotASilentDefault() {
        Result r = fer("model", "-D", "fer.epoch=5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown setting fer.epoch (did you mean fer.epochs?)").doesNotContain("at io.");
        assertThat(r.out()).isEmpty();
        Result other = fer("model", "-D", "fer_epochs=1", "-D", "FER.EPOCHS=1");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("'fer_epochs' (settings are fer.* keys)")
                .contains("'FER.EPOCHS' (settings are fer.* keys)");
        Result empty = fer("model", "-D", "fer.model.widths=", "-D", "fer.loss.margin= ");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("-D fer.model.widths=, -D fer.loss.margin=: no value; give one, or leave "
                + "the setting out for its default").doesNotContain("at io.");
        assertThat(empty.out()).isEmpty();
    }

    @Test
    void aResultsFolderThatCannotBeWrittenStopsTrainingBeforeItStarts(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Result r = fer("train", "--dataset", "synthetic", "--protocol", "smoke", "-D", "fer.results=" + file
                + "/results", "-D", "fer.cache=" + dir.resolve("cache"), "-q");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("the results folder " + file + "/results (fer.results) cannot be written")
                .contains("nothing was trained").doesNotContain("at io.github");
    }
}
