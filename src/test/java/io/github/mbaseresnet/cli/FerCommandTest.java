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
        for (String sub : new String[] {"train", "model"}) {
            Result r = fer(sub, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Usage: fer " + sub);
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
    void anUnknownDatasetIsAUsageError() {
        Result r = fer("train", "--dataset", "affectnet");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown dataset 'affectnet'").contains("jaffe");
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
}
