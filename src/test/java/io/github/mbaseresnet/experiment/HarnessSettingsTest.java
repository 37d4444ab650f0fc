package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.bu3dfe.Bu3dfeReader;
import io.github.mbaseresnet.data.ckplus.CkPlusReader;
import io.github.mbaseresnet.data.folders.FolderPerClassReader;
import io.github.mbaseresnet.data.oulu.OuluCasiaReader;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HarnessSettingsTest {
    @Test
    void defaultsAreTheReducedProtocolWithThePapersOptimiser() {
        HarnessSettings s = HarnessSettings.of(Map.of());
        assertThat(s.protocol()).isEqualTo(Protocol.REDUCED);
        assertThat(s.training().batchSize()).isEqualTo(16);
        assertThat(s.training().beta1()).isEqualTo(0.9);
        assertThat(s.training().halvingPeriod()).isEqualTo(200_000);
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.folds(DatasetId.JAFFE)).isEqualTo(10);
        assertThat(s.datasetRoot(DatasetId.JAFFE)).isEmpty();
    }

    @Test
    void thePaperProtocolUsesThePapersNumbers() {
        HarnessSettings s = HarnessSettings.of(Map.of("fer.protocol", "paper"));
        assertThat(s.protocol().runs()).isEqualTo(10);
        assertThat(s.training().learningRate()).isEqualTo(1e-4);
        assertThat(s.network(Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN, 6, 1).branchWidths())
                .containsExactly(64, 128, 256);
        // §4's jitter, noise, rotation and translation are on in the paper protocol only
        assertThat(s.augmentation()).isEqualTo(io.github.mbaseresnet.train.Augmentation.PAPER);
        assertThat(HarnessSettings.of(Map.of()).augmentation().noiseSigma()).isZero();
        assertThat(HarnessSettings.of(Map.of("fer.augment.noise", "0.03")).augmentation().noiseSigma())
                .isEqualTo(0.03);
    }

    @Test
    void overridesApplyAndRenameTheProtocol() {
        HarnessSettings s = HarnessSettings.of(Map.of("fer.protocol", "smoke", "fer.epochs", "3",
                "fer.model.widths", "32, 64", "fer.data.jaffe", "/data/jaffe"));
        assertThat(s.protocol().name()).isEqualTo("smoke-custom");
        assertThat(s.protocol().epochs()).isEqualTo(3);
        assertThat(s.protocol().branchWidths()).isEqualTo(List.of(32, 64));
        assertThat(s.datasetRoot(DatasetId.JAFFE)).contains(Path.of("/data/jaffe"));
    }

    @Test
    void anySettingThatChangesResultsMakesTheProtocolCustomButTheSeedDoesNot() {
        for (String key : List.of("fer.loss.margin", "fer.loss.scale", "fer.batch", "fer.crop", "fer.mirror",
                "fer.model.reduction", "fer.folds.synthetic", "fer.align.fraction.jaffe", "fer.adam.beta2",
                "fer.detect", "fer.detect.neighbours", "fer.detect.cascade")) {
            String value = switch (key) {
                case "fer.mirror", "fer.detect" -> "false";
                case "fer.detect.cascade" -> "haarcascade_frontalface_default";
                case "fer.crop" -> "56";
                case "fer.align.fraction.jaffe", "fer.adam.beta2" -> "0.5";
                default -> "8";
            };
            assertThat(HarnessSettings.of(Map.of("fer.protocol", "smoke", key, value)).protocol().name())
                    .as(key).isEqualTo("smoke-custom");
        }
        // an explicit default is no change; a seed is covered by the tolerance, not by a new calibration
        assertThat(HarnessSettings.of(Map.of("fer.protocol", "smoke", "fer.loss.scale", "4.0", "fer.seed", "7"))
                .protocol()).isEqualTo(Protocol.SMOKE);
    }

    @Test
    void theFaceCacheAndPrefetchingChangeNoResultSoTheProtocolKeepsItsName() {
        HarnessSettings defaults = HarnessSettings.of(Map.of());
        assertThat(defaults.faceCacheDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".cache",
                "mba-se-resnet"));
        assertThat(defaults.faceCacheEnabled()).isTrue();
        assertThat(defaults.prefetchDepth()).isEqualTo(4);
        HarnessSettings s = HarnessSettings.of(Map.of("fer.cache.dir", "/tmp/faces", "fer.cache.enabled", "false",
                "fer.prefetch", "0"));
        assertThat(s.faceCacheDir()).isEqualTo(Path.of("/tmp/faces"));
        assertThat(s.faceCacheEnabled()).isFalse();
        assertThat(s.prefetchDepth()).isZero();
        assertThat(s.protocol()).isEqualTo(Protocol.REDUCED);
        assertThatThrownBy(() -> HarnessSettings.of(Map.of("fer.prefetch", "-1")).prefetchDepth())
                .hasMessageContaining("fer.prefetch=-1");
    }

    @Test
    void landmarksComeFromTheDatasetThenTheDetectorButNeverDetectedOnTheEmbeddedDataset() {
        HarnessSettings s = HarnessSettings.of(Map.of());
        assertThat(s.detector()).isEqualTo(io.github.mbaseresnet.align.DetectorSettings.DEFAULT);
        assertThat(s.landmarkOrder(DatasetId.CKPLUS)).isEqualTo("ckplus-68, then " + s.detector().describe());
        assertThat(s.landmarkOrder(DatasetId.JAFFE)).isEqualTo(s.detector().describe());
        assertThat(s.landmarkOrder(DatasetId.SYNTHETIC)).isEqualTo("none");
        assertThat(HarnessSettings.of(Map.of("fer.detect", "false")).landmarkOrder(DatasetId.CKPLUS))
                .isEqualTo("ckplus-68");
        assertThat(HarnessSettings.of(Map.of("fer.align.method", "centre")).landmarkOrder(DatasetId.CKPLUS))
                .isEqualTo("none");
        assertThat(HarnessSettings.of(Map.of("fer.detect.scale", "1.05", "fer.detect.min.face", "0.2")).detector())
                .extracting(d -> d.scaleFactor(), d -> d.minFace()).containsExactly(1.05, 0.2);
        assertThatThrownBy(() -> HarnessSettings.of(Map.of("fer.detect.scale", "1")).detector())
                .hasMessageContaining("fer.detect.scale");
    }

    @Test
    void readerSettingsHaveTheDocumentedDefaults() {
        HarnessSettings s = HarnessSettings.of(Map.of());
        assertThat(s.ckplus()).isEqualTo(new CkPlusReader.Options(3, false, false));
        assertThat(s.oulu()).isEqualTo(new OuluCasiaReader.Options("OriginalImg", "VL", "Strong", 3, false));
        assertThat(s.bu3dfe()).isEqualTo(new Bu3dfeReader.Options(Set.of(3, 4), false));
        assertThat(s.bp4dplus().frames()).isZero();
        assertThat(s.bp4dplus().tasks().tasks()).containsEntry("T1", Expression.HAPPINESS).hasSize(6);
        assertThat(s.mmi().emotions()).containsEntry(1, Expression.ANGER).containsEntry(6, Expression.SURPRISE);
        assertThat(s.mmi().views()).containsExactlyInAnyOrder("0", "frontal");
        assertThat(s.folderPattern()).isEqualTo(FolderPerClassReader.CKPLUS_PATTERN);
        assertThat(s.layout(DatasetId.CKPLUS)).isEqualTo("auto");
        assertThat(s.checkImages()).isTrue();
    }

    @Test
    void readerSettingsApplyAndMakeTheProtocolCustom() {
        Map<String, String> values = Map.of("fer.ckplus.frames", "1", "fer.oulu.lighting", "Weak",
                "fer.bu3dfe.intensities", "1,2,3,4", "fer.mmi.emotions", "1=AN,2=disgust", "fer.mmi.views", "0, 2",
                "fer.bp4dplus.frames", "5", "fer.folders.pattern", "(?<subject>[A-Z]{2}).*");
        HarnessSettings s = HarnessSettings.of(values);
        assertThat(s.ckplus().frames()).isEqualTo(1);
        assertThat(s.oulu().lighting()).isEqualTo("Weak");
        assertThat(s.bu3dfe().intensities()).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(s.mmi().emotions()).isEqualTo(Map.of(1, Expression.ANGER, 2, Expression.DISGUST));
        assertThat(s.mmi().views()).containsExactlyInAnyOrder("0", "2");
        for (Map.Entry<String, String> e : values.entrySet()) {
            assertThat(HarnessSettings.of(Map.of("fer.protocol", "smoke", e.getKey(), e.getValue())).protocol()
                    .name()).as(e.getKey()).isEqualTo("smoke-custom");
        }
        assertThat(HarnessSettings.of(Map.of("fer.protocol", "smoke", "fer.ckplus.frames", "3")).protocol())
                .isEqualTo(Protocol.SMOKE);
    }

    @Test
    void badReaderSettingsNameTheSetting() {
        assertThatThrownBy(() -> HarnessSettings.of(Map.of("fer.mmi.emotions", "1=bored")).mmi())
                .hasMessageContaining("fer.mmi.emotions").hasMessageContaining("'bored'");
        assertThatThrownBy(() -> HarnessSettings.of(Map.of("fer.layout.oulu", "zip")).layout(DatasetId.OULU_CASIA))
                .hasMessageContaining("fer.layout.oulu=zip");
        assertThatThrownBy(() -> HarnessSettings.of(Map.of("fer.bu3dfe.intensities", "3,x")).bu3dfe())
                .hasMessageContaining("fer.bu3dfe.intensities=x");
    }

    @Test
    void theClassSetIsTheSixExpressionsUnlessSetAndAnUnknownCodeNamesTheSetting() {
        assertThat(HarnessSettings.of(Map.of()).classes()).isEqualTo(io.github.mbaseresnet.data.ClassSet.SIX_BASIC);
        HarnessSettings seven = HarnessSettings.of(Map.of("fer.classes", "AN, DI, FE, HA, SA, SU, NE"));
        assertThat(seven.classes().codes()).containsExactly("AN", "DI", "FE", "HA", "SA", "SU", "NE");
        assertThat(seven.protocol().name()).isEqualTo("reduced-custom");
        assertThatThrownBy(() -> HarnessSettings.of(Map.of("fer.classes", "AN,XX")).classes())
                .hasMessageContaining("fer.classes=AN,XX").hasMessageContaining("'XX'");
    }

    @Test
    void commandLineOverridesComeBeforeSystemProperties() {
        System.setProperty("fer.epochs", "5");
        try {
            assertThat(HarnessSettings.layered(Map.of("fer.epochs", "2")).protocol().epochs()).isEqualTo(2);
            assertThat(HarnessSettings.layered(Map.of()).protocol().epochs()).isEqualTo(5);
        } finally {
            System.clearProperty("fer.epochs");
        }
    }

    @Test
    void environmentVariableNamesAreUpperCaseWithUnderscores() {
        assertThat(HarnessSettings.environmentName("fer.data.jaffe")).isEqualTo("FER_DATA_JAFFE");
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> HarnessSettings.of(Map.of("fer.epochs", "many")).protocol())
                .hasMessage("fer.epochs=many is not a valid number");
        assertThatThrownBy(() -> HarnessSettings.of(Map.of("fer.protocol", "quick")).protocol())
                .hasMessageContaining("unknown protocol 'quick'").hasMessageContaining("smoke, reduced, paper");
        assertThatThrownBy(() -> HarnessSettings.of(Map.of("fer.mirror", "maybe")).augmentation())
                .hasMessageContaining("fer.mirror=maybe");
    }

    @Test
    void aMistypedKeyIsNamedWithAHintAndTheHarnessOwnKeysPass() {
        assertThat(HarnessSettings.unknownSettings(List.of("fer.epoch", "fer.epochs", "fer.data.jaffe", "fer.backend",
                "fer.test.photos", "java.home", "fer.folds.jaffe", "fer.detect.neighbors"),
                List.of("FER_EPOCHS", "FER_EPOCH", "FER_JAVA_OPTS", "PATH", "FER_DATA_CKPLUS", "FER_MAXBYTES")))
                .containsExactly("fer.detect.neighbors (did you mean fer.detect.neighbours?)",
                        "fer.epoch (did you mean fer.epochs?)", "FER_EPOCH");
        assertThat(HarnessSettings.unknownMessage(List.of("fer.epoch (did you mean fer.epochs?)")))
                .isEqualTo("unknown setting fer.epoch (did you mean fer.epochs?): no fer.* setting has this name "
                        + "(README \"Settings\" lists them all)");
    }

    /** README's settings table and the settings read are the same set: a new setting is documented or this fails. */
    @Test
    void everySettingIsDocumentedInTheReadmeAndEveryDocumentedOneExists() throws Exception {
        Set<String> documented = new java.util.TreeSet<>();
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("`(fer)?(\\.[a-z0-9.<>]+)`");
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("README.md"))) {
            if (!line.startsWith("| `fer.")) {
                continue;
            }
            String first = line.substring(2, line.indexOf(" |", 2));
            String prefix = null;
            var m = key.matcher(first);
            while (m.find()) {
                String k = m.group(1) != null ? "fer" + m.group(2) : prefix + m.group(2); // `.translation`: same prefix
                prefix = k.substring(0, k.lastIndexOf('.'));
                for (DatasetId d : DatasetId.values()) {
                    documented.add(k.replace("<dataset>", d.key()));
                }
            }
        }
        assertThat(HarnessSettings.unknownSettings(documented, List.of())).as("documented but read by no setting")
                .isEmpty();
        assertThat(new java.util.TreeSet<>(HarnessSettings.knownKeys())).as("read but not in README's table")
                .isSubsetOf(documented);
    }

    /** The results fingerprint is text compared across JVMs (shards, stored folds): sets print sorted, always. */
    @Test
    void setsInTheFingerprintPrintInOneOrderInEveryJvm() {
        assertThat(new Bu3dfeReader.Options(Set.of(4, 3), false).toString()).contains("intensities=[3, 4]");
        assertThat(HarnessSettings.of(Map.of("fer.bu3dfe.intensities", "4,3")).resultsFingerprint())
                .isEqualTo(HarnessSettings.of(Map.of("fer.bu3dfe.intensities", "3,4")).resultsFingerprint());
        assertThat(HarnessSettings.of(Map.of()).mmi().views().toString()).isEqualTo("[0, frontal]");
    }
}
