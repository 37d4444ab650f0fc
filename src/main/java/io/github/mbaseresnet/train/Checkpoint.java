package io.github.mbaseresnet.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mbaseresnet.model.NetworkArchive;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A fold's training state after some epoch (issue 7): the network with its updater state (Adam's moments and the
 * iteration count that drives the learning-rate schedule, both in DL4J's zip), the metrics of the epochs so far, the
 * elapsed seconds and the shuffle/augmentation RNG (a {@link Random} is serializable: its exact state, not a seed).
 * Continuing from it gives bit-identical parameters and metrics on CPU (CheckpointResumeTest).
 *
 * @param identity what was trained (settings, data, commit), compared before resuming
 */
public record Checkpoint(Map<String, String> identity, List<EpochMetrics> epochs, double seconds, Random rng,
        ComputationGraph network) {

    public static final int FORMAT = 1;
    static final String STATE = NetworkArchive.HARNESS_PREFIX + "checkpoint.json";
    static final String RNG = NetworkArchive.HARNESS_PREFIX + "rng.bin";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Checkpoint {
        identity = Map.copyOf(identity);
        epochs = List.copyOf(epochs);
    }

    /** The last epoch trained (1-based). */
    public int epoch() {
        return epochs.size();
    }

    /** What the checkpoint JSON holds besides the network and the RNG. */
    record State(int format, Map<String, String> identity, List<EpochMetrics> epochs, double seconds) {
    }

    public void save(Path file) {
        try {
            Map<String, byte[]> extra = new LinkedHashMap<>();
            extra.put(STATE, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                    new State(FORMAT, new TreeMap<>(identity), epochs, seconds)));
            extra.put(RNG, bytesOf(rng));
            NetworkArchive.write(file, network, extra);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a checkpoint; any problem (missing, truncated, another format) is an error naming the file. */
    public static Checkpoint load(Path file) {
        NetworkArchive archive = NetworkArchive.read(file);
        archive.entry(STATE).orElseThrow(() -> new NetworkArchive.Invalid(file,
                "is a saved network but not a training checkpoint (no " + STATE + ")"));
        State s = archive.json(STATE, "checkpoint", FORMAT, State.class);
        return new Checkpoint(s.identity(), s.epochs(), s.seconds(), rng(file, archive), archive.network());
    }

    /** Only a {@link Random} is accepted from the file: deserializing anything else is refused. */
    private static Random rng(Path file, NetworkArchive archive) {
        byte[] bytes = archive.entry(RNG).orElseThrow(() -> new NetworkArchive.Invalid(file, "has no " + RNG));
        try {
            return randomOf(bytes);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new NetworkArchive.Invalid(file, RNG + " is not a saved random-number generator: "
                    + e.getMessage(), e);
        }
    }

    /** {@code rng} in its exact state, through the serialized form a checkpoint stores. */
    static Random copyOf(Random rng) {
        try {
            return randomOf(bytesOf(rng));
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a java.util.Random did not survive its own serialization", e);
        }
    }

    private static byte[] bytesOf(Random rng) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(rng);
        }
        return bytes.toByteArray();
    }

    private static Random randomOf(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("java.util.Random;!*"));
            return (Random) in.readObject();
        }
    }

    /**
     * Refuses this checkpoint unless it was written for {@code expected}: otherwise a resumed fold would silently mix
     * two trainings. The message lists every difference.
     */
    void requireIdentity(Path file, Map<String, String> expected) {
        java.util.Set<String> keys = new TreeSet<>(identity.keySet());
        keys.addAll(expected.keySet());
        List<String> differences = keys.stream()
                .filter(k -> !java.util.Objects.equals(identity.get(k), expected.get(k)))
                .map(k -> k + ": checkpoint " + identity.getOrDefault(k, "(none)") + ", now "
                        + expected.getOrDefault(k, "(none)"))
                .toList();
        if (!differences.isEmpty()) {
            throw new NetworkArchive.Invalid(file, "was written for other settings, data or code, so it is not "
                    + "resumed: " + String.join("; ", differences) + ". Delete it (or set fer.checkpoint.dir to "
                    + "another folder) to train this fold afresh");
        }
    }
}
