package io.github.mbaseresnet.model;

import io.github.mbaseresnet.report.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A network in one zip (issue 7): DL4J's {@link ModelSerializer} entries (configuration JSON, parameters and updater
 * state, so that training continues exactly and any DL4J tool opens the file) plus named entries of the harness (a
 * model bundle's or a checkpoint's JSON). Written atomically; read with one error that names the file and what is
 * wrong with it (missing, not a zip, truncated, not a network).
 */
public final class NetworkArchive {
    /** The harness's own entries are named {@code fer/...}; DL4J's are at the top level. */
    public static final String HARNESS_PREFIX = "fer/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, byte[]> entries;

    private NetworkArchive(Path file, Map<String, byte[]> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** A problem with an archive file; the message names the file and can be shown to users as is. */
    public static final class Invalid extends RuntimeException {
        public Invalid(Path file, String problem) {
            this(file, problem, null);
        }

        public Invalid(Path file, String problem, Throwable cause) {
            super(file + ": " + problem, cause);
        }
    }

    /** Writes {@code net} with its updater state and {@code extra} entries to {@code file} (temp file + rename). */
    public static void write(Path file, ComputationGraph net, Map<String, byte[]> extra) {
        try {
            ByteArrayOutputStream dl4j = new ByteArrayOutputStream();
            ModelSerializer.writeModel(net, dl4j, true);
            ByteArrayOutputStream all = new ByteArrayOutputStream(dl4j.size() + 4096);
            try (ZipOutputStream zip = new ZipOutputStream(all);
                    ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(dl4j.toByteArray()))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
                for (Map.Entry<String, byte[]> e : extra.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            AtomicFiles.write(file, all.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks the zip structure; the network itself is restored by {@link #network()}. */
    public static NetworkArchive read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new Invalid(file, Files.exists(file) ? "is not a file" : "does not exist");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (var it = zip.entries(); it.hasMoreElements(); ) {
                ZipEntry e = it.nextElement();
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (ZipException e) {
            throw new Invalid(file, startsLikeAZip(file) ? "is truncated or corrupted (" + e.getMessage()
                    + "): write it again" : "is not a zip archive, so not a saved network", e);
        } catch (IOException e) {
            throw new Invalid(file, "cannot be read: " + e.getMessage(), e);
        }
        for (String required : new String[] {ModelSerializer.CONFIGURATION_JSON, ModelSerializer.COEFFICIENTS_BIN}) {
            if (!entries.containsKey(required)) {
                throw new Invalid(file, "is a zip archive but not a saved DL4J network (no " + required + ")");
            }
        }
        return new NetworkArchive(file, Collections.unmodifiableMap(entries));
    }

    public Optional<byte[]> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /**
     * Entry {@code name} (present: callers say what its absence means) read as {@code type}; a {@code "format"} other
     * than {@code format} is refused, as is malformed JSON.
     */
    public <T> T json(String name, String kind, int format, Class<T> type) {
        try {
            JsonNode tree = JSON.readTree(entries.get(name));
            int found = tree.path("format").asInt(-1);
            if (found != format) {
                throw new Invalid(file, "is " + kind + " format " + found + "; this build reads format " + format);
            }
            return JSON.treeToValue(tree, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new Invalid(file, name + " is malformed: " + e.getMessage(), e);
        }
    }

    /** The network with its updater state, so that {@code fit} continues where the saved one stopped. */
    public ComputationGraph network() {
        try { // ModelSerializer reads its own entries and ignores the harness's
            return ModelSerializer.restoreComputationGraph(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new Invalid(file, "holds a network DL4J cannot restore: " + e.getMessage(), e);
        }
    }

    private static boolean startsLikeAZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }
}
