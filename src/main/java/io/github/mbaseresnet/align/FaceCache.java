package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.GrayImage;
import io.github.mbaseresnet.data.Manifest;
import io.github.mbaseresnet.report.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Aligned faces kept on disk, one file per {@link Key}: a dataset is read and aligned once per (copy, alignment
 * settings), not once per table cell and run (issue 5: "computed once ... stored on disk in a compact form").
 *
 * <p>File layout (big-endian, {@link DataOutputStream}): magic {@code FERFACES}, format version, the full key text,
 * the aligned-by counts, the faces (id, subject, class index, side, encoding, pixels), then a CRC32C of everything
 * before it. Pixels are gray bytes ({@code b / 255f}) when that is exact for every pixel of a face (the centre crop,
 * which resamples 8-bit images), else float32 (the landmark aligner's bilinear values): a hit is bit-identical to a
 * rebuild. A file that does not parse, fails the checksum, or carries another key or version is reported and rebuilt;
 * a folder that cannot be written is reported and the run goes on uncached. Writes are atomic (AtomicFiles).
 */
public final class FaceCache {
    /** Bump when the layout changes, or when an aligner produces other pixels under the same description. */
    static final int FORMAT_VERSION = 2; // 2: each image's landmark source
    private static final long MAGIC = 0x4645524641434553L; // "FERFACES"
    private static final byte GRAY8 = 0;
    private static final byte FLOAT32 = 1;

    private final Path dir;
    private final Consumer<String> log;

    /** @param log told why a file was rebuilt or could not be written */
    public FaceCache(Path dir, Consumer<String> log) {
        this.dir = dir;
        this.log = log;
    }

    /**
     * Everything the aligned faces depend on. {@code samples} is a hash over every kept sample's path, subject, label
     * and sequence (the reader's settings, such as a label map, change it without changing a file); {@code manifest}
     * covers the images' bytes. Files that landmark sources read (CK+'s landmark files) are not hashed: after editing
     * them, clear the cache (README "Preprocessing cache").
     *
     * @param size aligned face side ({@code fer.align.size}); the training crop ({@code fer.crop}) is cut later
     */
    public record Key(String dataset, String manifest, String samples, String aligner, String landmarks, int size,
            List<String> classes) {
        public Key {
            classes = List.copyOf(classes);
        }

        /** The text stored in the file's header and hashed into its name. */
        public String text() {
            return "format=" + FORMAT_VERSION + "\ndataset=" + dataset + "\nmanifest=" + manifest + "\nsamples="
                    + samples + "\naligner=" + aligner + "\nlandmarks=" + landmarks + "\nsize=" + size + "\nclasses="
                    + String.join(",", classes) + "\n";
        }

        /** e.g. {@code jaffe-3f2a9c0d1e4b5a6f.faces}. */
        public String fileName() {
            return dataset + "-" + Manifest.sha256Of(text()).substring(0, 16) + ".faces";
        }
    }

    /** How a lookup was answered. */
    public enum Status {
        /** read from the cache file, no image decoded */
        HIT,
        /** aligned and stored (no file before) */
        BUILT,
        /** the old file was unusable (reported): aligned again and stored */
        REBUILT,
        /** aligned, but the folder could not be written (reported): nothing stored */
        UNCACHED,
        /** the cache is switched off ({@code fer.cache.enabled=false}) */
        OFF
    }

    /** @param file the cache file (absent when the cache is off) */
    public record Lookup(FacePreparation.Prepared prepared, Optional<Path> file, Status status) {
    }

    public Path dir() {
        return dir;
    }

    /** The faces for {@code key}: from its file when that is sound, else from {@code align}, then stored. */
    public Lookup get(Key key, Supplier<FacePreparation.Prepared> align) {
        Path file = dir.resolve(key.fileName());
        boolean existed = Files.exists(file);
        if (existed) {
            try {
                return new Lookup(read(file, key), Optional.of(file), Status.HIT);
            } catch (IOException | CorruptFile e) {
                log.accept("face cache " + file + " is unusable (" + describe(e) + "): aligning again and "
                        + "replacing it");
            }
        }
        FacePreparation.Prepared prepared = align.get();
        try {
            AtomicFiles.write(file, out -> write(out, key, prepared));
        } catch (UncheckedIOException e) {
            log.accept("warning: the face cache folder " + dir + " cannot be written (" + AtomicFiles.reason(e.getCause())
                    + "); continuing without the cache: point fer.cache.dir at a writable folder, or set "
                    + "fer.cache.enabled=false");
            return new Lookup(prepared, Optional.of(file), Status.UNCACHED);
        }
        return new Lookup(prepared, Optional.of(file), existed ? Status.REBUILT : Status.BUILT);
    }

    private static String describe(Exception e) {
        return e instanceof EOFException ? "truncated" : e.getMessage();
    }

    /** A file that parses wrongly or fails its checksum. */
    private static final class CorruptFile extends Exception {
        CorruptFile(String message) {
            super(message);
        }
    }

    static void write(OutputStream raw, Key key, FacePreparation.Prepared prepared) throws IOException {
        CRC32C crc = new CRC32C();
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
        out.writeLong(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(key.text());
        out.writeInt(prepared.alignedBy().size());
        for (Map.Entry<String, Integer> e : new TreeMap<>(prepared.alignedBy()).entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
        out.writeInt(prepared.sourceByImage().size());
        for (Map.Entry<String, String> e : prepared.sourceByImage().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        out.writeInt(prepared.faces().size());
        for (Face face : prepared.faces()) {
            GrayImage px = face.pixels();
            if (px.width() != key.size() || px.height() != key.size()) {
                throw new IllegalStateException("face " + face.id() + " is " + px.width() + "x" + px.height()
                        + ", not the aligned size " + key.size());
            }
            out.writeUTF(face.id());
            out.writeUTF(face.subject());
            out.writeInt(face.label());
            byte[] gray = exactGray(px.pixels());
            out.writeByte(gray != null ? GRAY8 : FLOAT32);
            if (gray != null) {
                out.write(gray);
            } else {
                for (float v : px.pixels()) {
                    out.writeFloat(v);
                }
            }
        }
        out.flush();
        new DataOutputStream(raw).writeLong(crc.getValue());
    }

    /** The pixels as bytes when {@code b / 255f} gives back every one of them exactly, else null. */
    private static byte[] exactGray(float[] pixels) {
        byte[] gray = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int b = Math.round(pixels[i] * 255);
            if (b < 0 || b > 255 || Float.floatToIntBits(b / 255f) != Float.floatToIntBits(pixels[i])) {
                return null;
            }
            gray[i] = (byte) b;
        }
        return gray;
    }

    static FacePreparation.Prepared read(Path file, Key key) throws IOException, CorruptFile {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CRC32C crc = new CRC32C();
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            if (in.readLong() != MAGIC) {
                throw new CorruptFile("not a face cache file");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new CorruptFile("format version " + version + ", this build reads " + FORMAT_VERSION);
            }
            if (!in.readUTF().equals(key.text())) {
                throw new CorruptFile("written for another key");
            }
            Map<String, Integer> alignedBy = new TreeMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                alignedBy.put(in.readUTF(), in.readInt());
            }
            Map<String, String> sourceByImage = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                sourceByImage.put(in.readUTF(), in.readUTF());
            }
            int side = key.size();
            List<Face> faces = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                String id = in.readUTF();
                String subject = in.readUTF();
                int label = in.readInt();
                if (label < 0 || label >= key.classes().size()) {
                    throw new CorruptFile("class index " + label + " of face " + id + " is out of range");
                }
                faces.add(new Face(id, subject, label, new GrayImage(side, side, pixels(in, side * side))));
            }
            long expected = crc.getValue();
            if (new DataInputStream(raw).readLong() != expected) {
                throw new CorruptFile("checksum mismatch");
            }
            if (raw.read() != -1) {
                throw new CorruptFile("unexpected bytes after the checksum");
            }
            if (faces.size() != alignedBy.values().stream().mapToInt(Integer::intValue).sum()) {
                throw new CorruptFile("aligned-by counts do not add up to the faces");
            }
            return new FacePreparation.Prepared(faces, alignedBy, sourceByImage);
        }
    }

    private static float[] pixels(DataInputStream in, int n) throws IOException, CorruptFile {
        float[] out = new float[n];
        byte encoding = in.readByte();
        if (encoding == GRAY8) {
            byte[] gray = new byte[n];
            in.readFully(gray);
            for (int i = 0; i < n; i++) {
                out[i] = (gray[i] & 0xFF) / 255f;
            }
        } else if (encoding == FLOAT32) {
            for (int i = 0; i < n; i++) {
                out[i] = in.readFloat();
            }
        } else {
            throw new CorruptFile("unknown pixel encoding " + encoding);
        }
        return out;
    }
}
