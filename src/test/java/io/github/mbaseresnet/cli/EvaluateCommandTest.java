package io.github.mbaseresnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mbaseresnet.model.NetworkArchive;
import io.github.mbaseresnet.support.Dl4jTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.mbaseresnet.cli.FerCommandTest.fer;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 7: {@code fer train} saves each fold, {@code fer evaluate} finds the same accuracy, {@code --resume}. */
class EvaluateCommandTest extends Dl4jTestBase {
    @TempDir
    static Path dir;
    static String[] settings;
    static FerCommandTest.Result trained;
    static Path models;

    /** One tiny training for the whole class: smoke protocol, 2 epochs, the first fold only. */
    @BeforeAll
    static void train() {
        settings = new String[] {"--protocol", "smoke", "-D", "fer.epochs=2", "-D", "fer.folds.limit=1", "-D",
                "fer.results=" + dir, "-D", "fer.cache=" + dir.resolve("cache")};
        trained = fer(concat(new String[] {"train", "--dataset", "synthetic"}, settings));
        models = dir.resolve("models/synthetic-mba-se-resnet-proposed-loss");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String trainedAccuracy() {
        Matcher m = Pattern.compile("proposed loss: (\\d+\\.\\d\\d)% ").matcher(trained.out());
        assertThat(m.find()).as(trained.out()).isTrue();
        return m.group(1);
    }

    @Test
    void trainShowsProgressAndSavesTheFoldThatEvaluateScoresExactlyAsTrainingDid() throws Exception {
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.err()).containsPattern("\\[#{10}\\.{10}]  50% run 1/1 fold 1/1 epoch 1/2 · loss "
                + "\\d\\.\\d{4} · acc \\d+\\.\\d\\d% · \\d+\\.\\d img/s · ETA \\d+:\\d\\d")
                .contains("[####################] 100% run 1/1 fold 1/1 epoch 2/2").contains("ETA 0:00");
        assertThat(trained.out()).contains("; models " + models);
        assertThat(models.resolve("run1-fold1.zip")).isRegularFile();
        assertThat(dir.resolve("checkpoints/synthetic-mba-se-resnet-proposed-loss/run1-fold1.zip")).isRegularFile();

        FerCommandTest.Result r = fer(concat(new String[] {"evaluate", models.resolve("run1-fold1.zip").toString(),
                "--dataset", "synthetic", "--fold", "1"}, "-D", "fer.cache=" + dir.resolve("cache")));
        assertThat(r.code()).as(r.err()).isZero();
        String accuracy = trainedAccuracy();
        assertThat(r.out()).contains("Synthetic (embedded) · MBA-SE-ResNet + proposed loss · run 1 fold 1/4 (test ")
                .contains("): " + accuracy + "% (").contains("at the end of training " + accuracy + "%")
                .contains("true\\pred").contains("AN").contains("SU");
        // and the run record's exact fold accuracy
        var record = new ObjectMapper().readTree(dir.resolve("train/synthetic-mba-se-resnet-proposed-loss.json")
                .toFile());
        assertThat(record.at("/statistics/n").asInt()).isEqualTo(1);
        double foldAccuracy = record.at("/statistics/mean").asDouble();
        assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "%.2f%%", foldAccuracy));

        FerCommandTest.Result folder = fer("evaluate", models.toString(), "--fold", "1", "-q", "-D",
                "fer.cache=" + dir.resolve("cache"));
        assertThat(folder.code()).as(folder.err()).isZero();
        assertThat(folder.out()).isEqualTo(r.out());
    }

    @Test
    void resumeOfAFinishedFoldTrainsNothingAndGivesTheSameResult() {
        FerCommandTest.Result again = fer(concat(new String[] {"train", "--dataset", "synthetic", "--resume"},
                settings));
        assertThat(again.code()).as(again.err()).isZero();
        // the completed fold is reused from its stored result (fer.resume) before any checkpoint is looked at
        assertThat(again.err()).contains("reusing the completed run 1 fold 1 from " + dir.resolve("folds"))
                .doesNotContain("epoch 1/2");
        assertThat(again.out()).isEqualTo(trained.out());

        FerCommandTest.Result other = fer(concat(new String[] {"train", "--dataset", "synthetic", "--resume", "-D",
                "fer.lr=0.002"}, settings));
        assertThat(other.code()).isEqualTo(1);
        assertThat(other.err()).contains("fer train: " + dir.resolve("checkpoints"))
                .contains("was written for other settings, data or code, so it is not resumed: ")
                .contains("training: checkpoint TrainingConfig[epochs=2, batchSize=16, learningRate=0.001")
                .contains("now TrainingConfig[epochs=2, batchSize=16, learningRate=0.002")
                .doesNotContain("at io.github");
    }

    @Test
    void badInputIsAMessageAndAnExitCodeWithoutAStackTrace() throws Exception {
        Path bundle = models.resolve("run1-fold1.zip");
        String cache = "fer.cache=" + dir.resolve("cache");
        expectError(1, dir.resolve("none.zip") + ": does not exist", "evaluate", dir.resolve("none.zip").toString());
        Path text = Files.writeString(dir.resolve("text.zip"), "not a model");
        expectError(1, text + ": is not a zip archive, so not a saved network", "evaluate", text.toString());
        expectError(1, "is a training checkpoint, not a model bundle", "evaluate",
                dir.resolve("checkpoints/synthetic-mba-se-resnet-proposed-loss/run1-fold1.zip").toString());
        expectError(2, "unknown dataset 'affectnet'", "evaluate", bundle.toString(), "--dataset", "affectnet");
        expectError(1, "was trained on Synthetic (embedded), not JAFFE", "evaluate", bundle.toString(), "--dataset",
                "jaffe");
        expectError(1, "fold 5 is out of range: " + bundle + " comes from a split into 4 folds (1..4)",
                "evaluate", bundle.toString(), "--fold", "5");
        expectError(1, "fold 2's subjects were in its training set", "evaluate", bundle.toString(), "--fold", "2");
        expectError(2, "is a folder: name the fold with --fold K", "evaluate", models.toString());
        expectError(1, "has no bundle for run 1 fold 3 (run1-fold3.zip); it holds [run1-fold1.zip]", "evaluate",
                models.toString(), "--fold", "3");

        // the same network with another manifest hash in its metadata: another copy of the data
        NetworkArchive archive = NetworkArchive.read(bundle);
        ObjectMapper json = new ObjectMapper();
        var metadata = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(archive.entry("fer/model.json")
                .orElseThrow());
        metadata.put("manifestSha256", "0123");
        Path other = dir.resolve("other-copy.zip");
        NetworkArchive.write(other, archive.network(), Map.of("fer/model.json", json.writeValueAsBytes(metadata)));
        expectError(1, "was trained on a copy with manifest 0123", "evaluate", other.toString(), "-D", cache);
        assertThat(fer("evaluate", dir.resolve("none.zip").toString(), "--verbose").err()).contains("at io.github");
    }

    private static void expectError(int code, String message, String... args) {
        FerCommandTest.Result r = fer(args);
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).contains(message).doesNotContain("at io.github");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void trainOneFoldTrainsThatFoldOfTheFullSplitAndNothingElse() {
        Path results = dir.resolve("one-fold");
        String[] one = {"train", "--dataset", "synthetic", "--protocol", "smoke", "-D", "fer.epochs=1", "-D",
                "fer.results=" + results, "-D", "fer.cache=" + dir.resolve("cache"), "--fold", "3", "-q"};
        FerCommandTest.Result r = fer(one);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(sd over 1 folds)");
        Path cell = results.resolve("models/synthetic-mba-se-resnet-proposed-loss");
        assertThat(cell.toFile().list()).containsExactly("run1-fold3.zip");
        // fold 3 tests the same subjects as fold 3 of the full split: evaluate rebuilds the split and agrees
        FerCommandTest.Result evaluated = fer("evaluate", cell.resolve("run1-fold3.zip").toString(), "-q", "-D",
                "fer.cache=" + dir.resolve("cache"));
        assertThat(evaluated.code()).as(evaluated.err()).isZero();

        FerCommandTest.Result outOfRange = fer(concat(new String[] {"train", "--dataset", "synthetic", "--fold", "9"},
                settings));
        assertThat(outOfRange.code()).isEqualTo(2);
        assertThat(outOfRange.err()).contains("--fold 9 is out of range: Synthetic (embedded) is split into 4 folds");
        assertThat(fer("train", "--dataset", "synthetic", "--fold", "1", "--all-folds").code()).isEqualTo(2);
    }

    /** A fold stored by a run that saved no model (mvn verify) is retrained by fer train, which promises models. */
    @Test
    void aStoredFoldWithoutItsModelIsTrainedAgainSoThePrintedModelsExist() {
        Path results = dir.resolve("verify-then-train");
        String[] tiny = {"--protocol", "smoke", "-D", "fer.epochs=1", "-D", "fer.folds.limit=1", "-D",
                "fer.results=" + results, "-D", "fer.cache=" + dir.resolve("cache"), "-q"};
        assertThat(fer(concat(new String[] {"train", "--dataset", "synthetic", "-D", "fer.models.save=false", "-D",
                "fer.checkpoint.every=0"}, tiny)).code()).isZero();
        assertThat(results.resolve("models")).doesNotExist();
        FerCommandTest.Result again = fer(concat(new String[] {"train", "--dataset", "synthetic"}, tiny));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(results.resolve("models/synthetic-mba-se-resnet-proposed-loss/run1-fold1.zip")).isRegularFile();
    }
}
