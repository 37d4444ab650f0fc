package io.github.mbaseresnet.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.mbaseresnet.align.Face;
import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.GrayImage;
import io.github.mbaseresnet.model.NetworkArchive;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.train.BatchMaker;
import io.github.mbaseresnet.train.TrainingConfig;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trained fold saved for later use (issue 7): the network with its updater state (a DL4J ModelSerializer zip that
 * any DL4J tool opens) and, in its {@code fer/model.json} entry, everything needed to use and check it: the class set
 * and its order, the face size and alignment, the network and training configuration (variant, loss with s and m,
 * crop), the dataset and its manifest hash, the protocol, run, fold, seeds and test subjects, the accuracy training
 * measured, and the commit.
 */
public final class ModelBundle {
    /** Bumped whenever {@link Metadata} changes incompatibly; a bundle of another format is refused. */
    public static final int FORMAT = 1;
    static final String METADATA = NetworkArchive.HARNESS_PREFIX + "model.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Metadata metadata;
    private final ComputationGraph network;

    /**
     * @param faceSize      side of the aligned faces the network was trained on (fer.align.size, 70)
     * @param alignment     the aligner's description, e.g. {@code landmarks->template(insightface-5)->70x70, else ...}
     * @param folds         folds of the split; {@code fold} and {@code run} are 0-based as in the run records
     * @param seed          the base seed the split and the fold's seeds derive from (experiment/FoldSplit)
     * @param testAccuracy  accuracy on the fold's test subjects measured after training, in percent
     */
    public record Metadata(int format, String dataset, String manifestSha256, ClassSet classes, int faceSize,
            String alignment, NetworkConfig network, TrainingConfig training, String protocol, long seed, int folds,
            int run, int fold, Set<String> testSubjects, long networkSeed, long dataSeed, double testAccuracy,
            long testImages, Map<String, String> environment) {
        public Metadata {
            testSubjects = Set.copyOf(testSubjects);
            environment = Map.copyOf(environment);
            if (folds < 2 || fold < 0 || fold >= folds || run < 0 || faceSize < 1) {
                throw new IllegalArgumentException("impossible model metadata: fold " + fold + " of " + folds
                        + " folds (0-based), run " + run + ", face size " + faceSize);
            }
            if (network.classes() != classes.size()) {
                throw new IllegalArgumentException("the network has " + network.classes() + " outputs but the class "
                        + "set " + classes.codes() + " has " + classes.size());
            }
        }
    }

    private ModelBundle(Metadata metadata, ComputationGraph network) {
        this.metadata = metadata;
        this.network = network;
    }

    /** Writes {@code network} and {@code metadata} to {@code file}, atomically. */
    public static void save(Path file, Metadata metadata, ComputationGraph network) {
        try {
            NetworkArchive.write(file, network, Map.of(METADATA, JSON.writeValueAsBytes(metadata)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the metadata of " + file, e);
        }
    }

    /**
     * Reads a bundle; a missing file, a file that is not a zip, a truncated one, a checkpoint or a bundle of another
     * format is a {@link NetworkArchive.Invalid} naming the file.
     */
    public static ModelBundle load(Path file) {
        NetworkArchive archive = NetworkArchive.read(file);
        archive.entry(METADATA).orElseThrow(() -> new NetworkArchive.Invalid(file,
                archive.entry(NetworkArchive.HARNESS_PREFIX + "checkpoint.json").isPresent()
                        ? "is a training checkpoint, not a model bundle (bundles are written when a fold ends)"
                        : "is a DL4J network but not a model bundle of this harness (no " + METADATA + ")"));
        Metadata metadata = archive.json(METADATA, "model bundle", FORMAT, Metadata.class);
        return new ModelBundle(metadata, archive.network());
    }

    public Metadata metadata() {
        return metadata;
    }

    public ComputationGraph network() {
        return network;
    }

    public ClassSet classes() {
        return metadata.classes();
    }

    /**
     * Class probabilities, in {@link #classes()} order, for each aligned gray face of
     * {@link Metadata#faceSize()}² pixels (the output of the bundle's aligner): each face is centre-cropped to the
     * network's input as at test time, and the head's output turned into probabilities as
     * {@link io.github.mbaseresnet.loss.LossConfig#probabilities} says (eq. 12: softmax of s·exp(cos θ)).
     */
    public List<double[]> probabilities(List<GrayImage> alignedFaces) {
        List<Face> faces = new ArrayList<>();
        for (GrayImage image : alignedFaces) {
            if (image.width() != metadata.faceSize() || image.height() != metadata.faceSize()) {
                throw new IllegalArgumentException("a face of " + image.width() + "x" + image.height() + " pixels: "
                        + "this model takes faces of " + metadata.faceSize() + "x" + metadata.faceSize() + ", aligned "
                        + "by " + metadata.alignment());
            }
            faces.add(new Face("face " + (faces.size() + 1), "-", 0, image));
        }
        List<double[]> out = new ArrayList<>();
        BatchMaker batches = new BatchMaker(metadata.training().augmentation(), classes().size());
        for (DataSet batch : batches.evaluation(faces, metadata.training().batchSize())) {
            INDArray head = network.outputSingle(false, batch.getFeatures());
            for (int i = 0; i < head.rows(); i++) {
                out.add(metadata.network().loss().probabilities(head.getRow(i).toDoubleVector()));
            }
        }
        return out;
    }
}
