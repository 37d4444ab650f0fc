package io.github.mbaseresnet.bundle;

import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.GrayImage;
import io.github.mbaseresnet.loss.ExpCosineMarginLoss;
import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.model.ChannelScaleVertex;
import io.github.mbaseresnet.model.MbaSeResNet;
import io.github.mbaseresnet.model.NetworkArchive;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.support.Dl4jTestBase;
import io.github.mbaseresnet.train.Augmentation;
import io.github.mbaseresnet.train.Trainer;
import io.github.mbaseresnet.train.TrainingConfig;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Issue 7: a saved model comes back bit for bit, custom vertex and eq. 12 layer included; bad files are named. */
class ModelBundleTest extends Dl4jTestBase {
    private static final ClassSet CLASSES = ClassSet.SIX_BASIC;
    private static final TrainingConfig TRAINING = new TrainingConfig(1, 4, 3e-3, 0.9, 0.999, 200_000,
            new Augmentation(16, true));

    private static NetworkConfig network(LossConfig loss) {
        return new NetworkConfig(Variant.MBA_SE_RESNET, loss, 16, 1, List.of(4, 8), 1, 4, 2, CLASSES.size(), 7);
    }

    private static ModelBundle.Metadata metadata(NetworkConfig network) {
        return new ModelBundle.Metadata(ModelBundle.FORMAT, "synthetic", "abc123", CLASSES, 20, "centre 20x20",
                network, TRAINING, "smoke", 42, 2, 0, 1, Set.of("S01", "S02"), 43, 543, 50.0, 12,
                Map.of("git.commit", "deadbeef"));
    }

    /** A network trained for a few steps, so that parameters, BN statistics and Adam's moments are all non-trivial. */
    private static ComputationGraph trained(NetworkConfig cfg) {
        ComputationGraph net = MbaSeResNet.build(cfg, new Trainer(TRAINING, CLASSES).updater());
        Random rng = new Random(1);
        for (int i = 0; i < 3; i++) {
            INDArray labels = Nd4j.zeros(4, CLASSES.size());
            for (int r = 0; r < 4; r++) {
                labels.putScalar(r, rng.nextInt(CLASSES.size()), 1);
            }
            net.fit(new DataSet(Nd4j.rand(new int[] {4, 1, 16, 16}), labels));
        }
        return net;
    }

    private static GrayImage face(long seed) {
        Random rng = new Random(seed);
        float[] px = new float[20 * 20];
        for (int i = 0; i < px.length; i++) {
            px[i] = rng.nextFloat();
        }
        return new GrayImage(20, 20, px);
    }

    @Test
    void saveAndLoadGiveBitIdenticalOutputsWithTheCustomVertexAndTheEq12Layer(@TempDir Path dir) {
        NetworkConfig cfg = network(LossConfig.proposed());
        ComputationGraph net = trained(cfg);
        Path file = dir.resolve("nested/run1-fold2.zip");
        ModelBundle.save(file, metadata(cfg), net);
        ModelBundle loaded = ModelBundle.load(file);

        ComputationGraph back = loaded.network();
        assertThat(back.getConfiguration().getVertices().values()).hasAtLeastOneElementOfType(
                ChannelScaleVertex.class);
        assertThat(((LayerVertex) back.getConfiguration().getVertices().get(MbaSeResNet.OUTPUT)).getLayerConf()
                .getLayer()).isInstanceOfSatisfying(ExpCosineMarginLoss.class, l -> {
                    assertThat(l.getScale()).isEqualTo(4.0);
                    assertThat(l.getMargin()).isEqualTo(0.35);
                });
        assertThat(back.getConfiguration().toJson()).isEqualTo(net.getConfiguration().toJson());
        assertThat(Arrays.equals(back.params().toFloatVector(), net.params().toFloatVector())).isTrue();
        assertThat(Arrays.equals(back.getUpdater().getStateViewArray().toFloatVector(),
                net.getUpdater().getStateViewArray().toFloatVector())).as("Adam state").isTrue();
        INDArray input = Nd4j.rand(new int[] {5, 1, 16, 16});
        assertThat(Arrays.equals(back.outputSingle(false, input).ravel().toFloatVector(),
                net.outputSingle(false, input).ravel().toFloatVector())).as("outputs bit-identical").isTrue();
        assertThat(loaded.metadata()).isEqualTo(metadata(cfg));
        assertThat(loaded.metadata().testSubjects()).containsExactlyInAnyOrder("S01", "S02");
        // the file is a plain ModelSerializer zip as well
        assertThat(restoredByDl4jAlone(file).params().toFloatVector()).isEqualTo(net.params().toFloatVector());
    }

    private static ComputationGraph restoredByDl4jAlone(Path file) {
        try {
            return ModelSerializer.restoreComputationGraph(file.toFile(), false);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void probabilitiesAreTheLossesOwnSoftmaxAndAgreeWithThePredictedClass(@TempDir Path dir) {
        // eq. 12 without margin: p_j ∝ exp(s·exp(cos θ_j)); s = 4, cos θ = (0, 1): 1/(1 + e^{4e−4}) = 0.0010342
        double[] p = LossConfig.proposed().probabilities(new double[] {0, 1});
        assertThat(p[0]).isCloseTo(0.00103416, within(1e-7));
        assertThat(p[0] + p[1]).isCloseTo(1, within(1e-12));
        assertThat(LossConfig.softmax().probabilities(new double[] {0.25, 0.75})).containsExactly(0.25, 0.75);

        for (LossConfig loss : List.of(LossConfig.proposed(), LossConfig.softmax())) {
            NetworkConfig cfg = network(loss);
            ComputationGraph net = trained(cfg);
            Path file = dir.resolve(loss.kind() + ".zip");
            ModelBundle.save(file, metadata(cfg), net);
            ModelBundle bundle = ModelBundle.load(file);
            List<GrayImage> faces = List.of(face(1), face(2), face(3), face(4), face(5));
            List<double[]> probabilities = bundle.probabilities(faces);
            assertThat(probabilities).hasSize(5);
            // the same centre crop as at test time: rows 2..17 of the 20x20 face
            float[] crops = new float[5 * 16 * 16];
            for (int i = 0; i < 5; i++) {
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        crops[i * 256 + y * 16 + x] = faces.get(i).at(x + 2, y + 2);
                    }
                }
            }
            INDArray head = net.outputSingle(false, Nd4j.create(crops, new long[] {5, 1, 16, 16}, 'c'));
            for (int i = 0; i < 5; i++) {
                assertThat(Arrays.stream(probabilities.get(i)).sum()).isCloseTo(1, within(1e-6));
                assertThat(argmax(probabilities.get(i))).isEqualTo(head.getRow(i).argMax().getInt(0));
            }
        }
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }

    @Test
    void aFaceOfAnotherSizeIsRefusedNamingTheExpectedOne(@TempDir Path dir) {
        NetworkConfig cfg = network(LossConfig.proposed());
        ModelBundle.save(dir.resolve("m.zip"), metadata(cfg), trained(cfg));
        assertThatThrownBy(() -> ModelBundle.load(dir.resolve("m.zip")).probabilities(List.of(
                new GrayImage(30, 30, new float[900])))).hasMessageContaining("a face of 30x30 pixels: this model "
                        + "takes faces of 20x20, aligned by centre 20x20");
    }

    @Test
    void badFilesAreErrorsNamingTheFileAndTheProblem(@TempDir Path dir) throws Exception {
        NetworkConfig cfg = network(LossConfig.proposed());
        ComputationGraph net = trained(cfg);
        Path good = dir.resolve("good.zip");
        ModelBundle.save(good, metadata(cfg), net);

        Path missing = dir.resolve("missing.zip");
        assertThatThrownBy(() -> ModelBundle.load(missing)).isInstanceOf(NetworkArchive.Invalid.class)
                .hasMessage(missing + ": does not exist");
        Path text = Files.writeString(dir.resolve("notes.zip"), "hello");
        assertThatThrownBy(() -> ModelBundle.load(text)).hasMessage(text + ": is not a zip archive, so not a saved "
                + "network");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> ModelBundle.load(truncated)).hasMessageStartingWith(truncated + ": is truncated or "
                + "corrupted");
        Path plain = dir.resolve("plain.zip");
        ModelSerializer.writeModel(net, plain.toFile(), true);
        assertThatThrownBy(() -> ModelBundle.load(plain)).hasMessage(plain + ": is a DL4J network but not a model "
                + "bundle of this harness (no fer/model.json)");
        Path otherZip = dir.resolve("other.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(otherZip))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write(1);
        }
        assertThatThrownBy(() -> ModelBundle.load(otherZip)).hasMessage(otherZip + ": is a zip archive but not a "
                + "saved DL4J network (no configuration.json)");
        Path future = dir.resolve("future.zip");
        String json = new String(NetworkArchive.read(good).entry("fer/model.json").orElseThrow())
                .replaceFirst("\"format\" : 1", "\"format\" : 2");
        NetworkArchive.write(future, net, Map.of("fer/model.json", json.getBytes()));
        assertThatThrownBy(() -> ModelBundle.load(future)).hasMessage(future + ": is model bundle format 2; this "
                + "build reads format 1");
        Path checkpoint = dir.resolve("checkpoint.zip");
        NetworkArchive.write(checkpoint, net, Map.of("fer/checkpoint.json", "{}".getBytes()));
        assertThatThrownBy(() -> ModelBundle.load(checkpoint)).hasMessageContaining("is a training checkpoint, not "
                + "a model bundle");
    }
}
