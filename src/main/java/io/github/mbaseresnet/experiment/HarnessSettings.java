package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.align.CentreCropAligner;
import io.github.mbaseresnet.align.CkPlusLandmarks;
import io.github.mbaseresnet.align.DetectedLandmarks;
import io.github.mbaseresnet.align.DetectorSettings;
import io.github.mbaseresnet.align.LandmarkAligner;
import io.github.mbaseresnet.align.LandmarkSource;
import io.github.mbaseresnet.align.FaceAligner;
import io.github.mbaseresnet.data.ClassSet;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.bp4dplus.Bp4dPlusReader;
import io.github.mbaseresnet.data.bu3dfe.Bu3dfeReader;
import io.github.mbaseresnet.data.ckplus.CkPlusReader;
import io.github.mbaseresnet.data.folders.FolderPerClassReader;
import io.github.mbaseresnet.data.mmi.MmiReader;
import io.github.mbaseresnet.data.oulu.OuluCasiaReader;
import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.train.Augmentation;
import io.github.mbaseresnet.train.TrainingConfig;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place where the harness's settings get their values. Each setting is a {@code fer.*} key looked up, in this
 * order, as a system property ({@code -Dfer.epochs=5}), then as an environment variable (upper case, dots as
 * underscores: {@code FER_EPOCHS=5}), then the protocol's or the paper's default. README.md lists them all.
 */
public final class HarnessSettings {
    private final Function<String, String> lookup;

    public HarnessSettings(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** System properties, then environment variables. */
    public static HarnessSettings fromEnvironment() {
        return new HarnessSettings(key -> Optional.ofNullable(System.getProperty(key))
                .orElseGet(() -> System.getenv(environmentName(key))));
    }

    /** {@code overrides} (the command line's {@code -D key=value}) first, then system properties and the environment. */
    public static HarnessSettings layered(Map<String, String> overrides) {
        HarnessSettings environment = fromEnvironment();
        return new HarnessSettings(key -> overrides.containsKey(key) ? overrides.get(key) : environment.lookup.apply(key));
    }

    public static HarnessSettings of(Map<String, String> values) {
        return new HarnessSettings(values::get);
    }

    /** Variables of the launcher (src/main/scripts/fer) and the ci/ scripts, not settings of the harness. */
    private static final Set<String> SCRIPT_VARIABLES = Set.of("FER_BACKEND", "FER_JAVA_OPTS", "FER_BENCH_OUT",
            "FER_BENCH_WIDTHS", "FER_CUDA_REDIST", "FER_MAXBYTES", "FER_MAXPHYSICALBYTES");

    /**
     * The {@code fer.*} keys among {@code keys} and {@code FER_*} names among {@code environment} that no setting
     * reads, each with a hint: typos such as {@code fer.epoch}, which would otherwise be ignored without a word.
     * {@code fer.backend} (set by the build's profile), {@code fer.test.*} (the tests' own) and
     * {@link #SCRIPT_VARIABLES} are not settings and pass.
     */
    public static List<String> unknownSettings(java.util.Collection<String> keys,
            java.util.Collection<String> environment) {
        Set<String> known = knownKeys();
        Set<String> knownNames = new java.util.HashSet<>(known.stream().map(HarnessSettings::environmentName).toList());
        List<String> unknown = new java.util.ArrayList<>(keys.stream().filter(k -> k.startsWith("fer.")
                && !known.contains(k) && !k.equals("fer.backend") && !k.startsWith("fer.test.")).sorted()
                .map(k -> k + hint(k, known)).toList());
        environment.stream().filter(n -> n.startsWith("FER_") && !knownNames.contains(n)
                && !SCRIPT_VARIABLES.contains(n) && !n.startsWith("FER_TEST_")).sorted().forEach(unknown::add);
        return unknown;
    }

    /** The error for {@link #unknownSettings}' result. */
    public static String unknownMessage(List<String> unknown) {
        return "unknown setting" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                + ": no fer.* setting has " + (unknown.size() > 1 ? "these names" : "this name")
                + " (README \"Settings\" lists them all)";
    }

    /** Every key the settings read, found by reading all of them, for every dataset, through a recording lookup. */
    static Set<String> knownKeys() {
        Set<String> read = new java.util.TreeSet<>();
        HarnessSettings probe = new HarnessSettings(k -> {
            read.add(k);
            return null;
        });
        probe.resultsFingerprint();
        probe.seed();
        probe.cacheDir();
        probe.faceCacheDir();
        probe.faceCacheEnabled();
        probe.prefetchDepth();
        probe.resultsDir();
        probe.resume();
        probe.ledgerFile();
        probe.checkpointEvery();
        probe.checkpointDir();
        probe.resumeFromCheckpoints();
        probe.saveModels();
        probe.modelsDir();
        probe.lockFile();
        probe.enforceLock();
        for (DatasetId d : DatasetId.values()) {
            probe.layout(d);
            probe.datasetRoot(d);
            probe.alignment(d);
        }
        return read;
    }

    /** {@code  (did you mean fer.epochs?)} for the known key with the longest common prefix, when it shares a part. */
    private static String hint(String key, Set<String> known) {
        String best = null;
        int longest = 0;
        for (String k : known) {
            int common = 0;
            while (common < Math.min(k.length(), key.length()) && k.charAt(common) == key.charAt(common)) {
                common++;
            }
            if (common > longest) {
                longest = common;
                best = k;
            }
        }
        return best != null && longest > "fer.".length() ? " (did you mean " + best + "?)" : "";
    }

    /** {@code fer.data.jaffe} → {@code FER_DATA_JAFFE}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public Optional<String> raw(String key) {
        return Optional.ofNullable(lookup.apply(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * The protocol named by {@code fer.protocol} (default reduced) with per-field overrides applied. When any
     * setting that changes results (a protocol field, the loss's s or m, batch, Adam, crop, mirror, alignment, folds,
     * reduction) differs from its default, the protocol is named {@code <name>-custom}, so that calibrations recorded
     * for the preset do not apply to it. The seed is not such a setting: tolerances cover seed-to-seed spread.
     */
    public Protocol protocol() {
        Protocol effective = preset();
        boolean custom = !effective.equals(Protocol.named(effective.name())) || changesResults();
        return custom ? effective.renamed(effective.name() + "-custom") : effective;
    }

    /** The named protocol with its field overrides, under its own name. */
    private Protocol preset() {
        Protocol base = Protocol.named(raw("fer.protocol").orElse(Protocol.REDUCED.name()));
        return new Protocol(base.name(),
                integer("fer.epochs", base.epochs()),
                integer("fer.runs", base.runs()),
                integer("fer.folds.limit", base.foldLimit()),
                raw("fer.model.widths").map(v -> integers("fer.model.widths", v)).orElse(base.branchWidths()),
                integer("fer.model.blocks", base.blocks()),
                decimal("fer.lr", base.learningRate()), base.augment());
    }

    /** Whether a non-protocol setting that changes what is trained differs from its default. */
    private boolean changesResults() {
        HarnessSettings defaults = new HarnessSettings(k -> k.equals("fer.protocol") ? lookup.apply(k) : null);
        if (!classes().equals(defaults.classes()) || !training().equals(defaults.training()) || !network(Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN,
                6, 0).equals(defaults.network(Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN, 6, 0))) {
            return true;
        }
        if (!readerSettings().equals(defaults.readerSettings())) {
            return true;
        }
        return Arrays.stream(DatasetId.values()).anyMatch(d -> folds(d) != defaults.folds(d)
                || !aligner(d).describe().equals(defaults.aligner(d).describe())
                || !landmarkOrder(d).equals(defaults.landmarkOrder(d)));
    }

    /**
     * Every setting that changes results, as one string: two runs (a resumed fold, two shards, issue 8) stand for
     * the same experiment only when theirs are equal.
     */
    public String resultsFingerprint() {
        return protocol() + " " + training() + " " + network(Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN,
                classes().size(), seed()) + " " + classes() + " " + readerSettings() + " " + Arrays.stream(
                DatasetId.values()).map(d -> d.key() + ":" + folds(d) + ":" + aligner(d).describe() + ":" + landmarkOrder(d)).toList();
    }

    /** The reader settings: they choose which images and labels a dataset gives, so they change results. */
    private List<Object> readerSettings() {
        return List.of(ckplus(), oulu(), bu3dfe(), bp4dplus(), mmi(), folderPattern(), checkImages());
    }

    /**
     * CK+ (DATASETS.md §1): {@code fer.ckplus.frames} last frames per labelled sequence (3),
     * {@code fer.ckplus.neutral} the first frame as neutral (false), {@code fer.ckplus.contempt} keep contempt (false).
     */
    public CkPlusReader.Options ckplus() {
        CkPlusReader.Options d = CkPlusReader.Options.DEFAULT;
        return new CkPlusReader.Options(integer("fer.ckplus.frames", d.frames()),
                bool("fer.ckplus.neutral", d.neutral()), bool("fer.ckplus.contempt", d.contempt()));
    }

    /**
     * Oulu-CASIA (DATASETS.md §2): {@code fer.oulu.images} OriginalImg or PreProcessImg, {@code fer.oulu.modality}
     * VL or NI, {@code fer.oulu.lighting} Strong, Weak or Dark, {@code fer.oulu.frames} (3), {@code fer.oulu.neutral}
     * (false).
     */
    public OuluCasiaReader.Options oulu() {
        OuluCasiaReader.Options d = OuluCasiaReader.Options.DEFAULT;
        return new OuluCasiaReader.Options(raw("fer.oulu.images").orElse(d.tree()),
                raw("fer.oulu.modality").orElse(d.modality()), raw("fer.oulu.lighting").orElse(d.lighting()),
                integer("fer.oulu.frames", d.frames()), bool("fer.oulu.neutral", d.neutral()));
    }

    /** BU-3DFE (DATASETS.md §4): {@code fer.bu3dfe.intensities} (3,4), {@code fer.bu3dfe.neutral} (false). */
    public Bu3dfeReader.Options bu3dfe() {
        Bu3dfeReader.Options d = Bu3dfeReader.Options.DEFAULT;
        return new Bu3dfeReader.Options(raw("fer.bu3dfe.intensities")
                .map(v -> Set.copyOf(integers("fer.bu3dfe.intensities", v))).orElse(d.intensities()),
                bool("fer.bu3dfe.neutral", d.neutral()));
    }

    /**
     * BP4D+ (DATASETS.md §5): {@code fer.bp4dplus.tasks} a task map file (default: the shipped tasks.properties),
     * {@code fer.bp4dplus.frames} evenly spaced frames per task (0 = all).
     */
    public Bp4dPlusReader.Options bp4dplus() {
        return new Bp4dPlusReader.Options(raw("fer.bp4dplus.tasks").map(Path::of).map(Bp4dPlusReader.TaskMap::load)
                .orElseGet(Bp4dPlusReader.TaskMap::defaults), integer("fer.bp4dplus.frames", 0));
    }

    /**
     * MMI (DATASETS.md §3): {@code fer.mmi.emotions} code=expression pairs (1=anger,...,6=surprise),
     * {@code fer.mmi.views} session views kept (0,frontal), {@code fer.mmi.frames} frames around the apex (3).
     */
    public MmiReader.Options mmi() {
        MmiReader.Options d = MmiReader.Options.DEFAULT;
        return new MmiReader.Options(raw("fer.mmi.emotions").map(v -> codeMap("fer.mmi.emotions", v))
                .orElse(d.emotions()), raw("fer.mmi.views").map(v -> words(v)).orElse(d.views()),
                integer("fer.mmi.frames", d.frames()));
    }

    /** Subject pattern of folder-per-class copies ({@code fer.folders.pattern}, CK+'s S010_004_00000017). */
    public String folderPattern() {
        return raw("fer.folders.pattern").orElse(FolderPerClassReader.CKPLUS_PATTERN);
    }

    /**
     * How a dataset's folder is read ({@code fer.layout.<dataset>}): {@code distributed}, {@code folders}
     * (folder-per-class copy) or {@code auto} (default: folders when every sub-folder is named like a class).
     */
    public String layout(DatasetId dataset) {
        String key = "fer.layout." + dataset.key();
        String value = raw(key).orElse("auto").toLowerCase(Locale.ROOT);
        if (!List.of("auto", "distributed", "folders").contains(value)) {
            throw new IllegalArgumentException(key + "=" + value + " is not one of auto, distributed, folders");
        }
        return value;
    }

    /** Whether every image header is read when a dataset is loaded ({@code fer.images.check}, true). */
    public boolean checkImages() {
        return bool("fer.images.check", true);
    }

    /**
     * The expressions trained on ({@code fer.classes}, two-letter codes; default the paper's six, §4.1). The paper's
     * tables are six-class: another set (e.g. {@code AN,DI,FE,HA,SA,SU,NE} with {@code fer.ckplus.neutral=true}) is
     * for exploration, and makes the protocol custom.
     */
    public ClassSet classes() {
        return raw("fer.classes").map(v -> new ClassSet(Arrays.stream(v.split(",")).map(String::trim)
                .map(code -> Expression.fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                        "fer.classes=" + v + ": '" + code + "' is not an expression code (AN DI FE HA SA SU NE CO)")))
                .toList())).orElse(ClassSet.SIX_BASIC);
    }

    public long seed() {
        return raw("fer.seed").map(v -> parse("fer.seed", v, Long::parseLong)).orElse(42L);
    }

    /** The folder of a user's copy of {@code dataset}, if configured. */
    public Optional<Path> datasetRoot(DatasetId dataset) {
        return raw(dataset.property()).map(Path::of);
    }

    /** Number of subject-independent folds: {@code fer.folds.<dataset>}, else the dataset's standard. */
    public int folds(DatasetId dataset) {
        return integer("fer.folds." + dataset.key(), dataset.defaultFolds());
    }

    /** Where generated data (the embedded dataset) is cached. */
    public Path cacheDir() {
        return Path.of(raw("fer.cache").orElse("target/fer-cache"));
    }

    /**
     * Where aligned faces are cached ({@code fer.cache.dir}; default {@code ~/.cache/mba-se-resnet}: outside the
     * repository, so {@code mvn clean} and a fresh clone keep them; align/FaceCache).
     */
    public Path faceCacheDir() {
        return raw("fer.cache.dir").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "mba-se-resnet"));
    }

    /** Whether aligned faces are cached ({@code fer.cache.enabled}, true); results are identical either way. */
    public boolean faceCacheEnabled() {
        return bool("fer.cache.enabled", true);
    }

    /**
     * Batches the trainer's background thread prepares ahead of it ({@code fer.prefetch}, 4; 0 makes them on the
     * training thread). The batches are bit-identical either way (train/PrefetchingIterator), so it is no protocol
     * field.
     */
    public int prefetchDepth() {
        int depth = integer("fer.prefetch", 4);
        if (depth < 0) {
            throw new IllegalArgumentException("fer.prefetch=" + depth + " must be >= 0 (0 = no prefetching)");
        }
        return depth;
    }

    /**
     * Where run records, per-fold CSVs and the summary are written; a shard (fer.shard) writes into its own folder,
     * {@code target/fer-results/shard-<i>-of-<n>}, so that shards never mix before {@code fer merge}.
     */
    public Path resultsDir() {
        Shard shard = shard();
        return Path.of(raw("fer.results").orElse(shard.whole() ? "target/fer-results"
                : "target/fer-results/shard-" + shard.index() + "-of-" + shard.count()));
    }

    /** This runner's share of the experiment grid ({@code fer.shard=i/n}, default 1/1: everything). Issue 8. */
    public Shard shard() {
        return raw("fer.shard").map(Shard::parse).orElse(Shard.WHOLE);
    }

    /**
     * Whether completed folds found in {@code <results>/folds} with the same commit, settings and dataset hash are
     * reused instead of retrained ({@code fer.resume}, true): a killed run or shard resumes where it stopped.
     */
    public boolean resume() {
        return bool("fer.resume", true);
    }

    /**
     * The results ledger ({@code fer.ledger}): {@code target/fer-results/ledger.jsonl} by default, so an ordinary run
     * leaves the repository untouched; publishing runs point it at {@code reports/ledger.jsonl} (ci/gpu-verify.sh).
     */
    public Path ledgerFile() {
        return Path.of(raw("fer.ledger").orElse(resultsDir().resolve("ledger.jsonl").toString()));
    }

    /** Epochs between a fold's checkpoints ({@code fer.checkpoint.every}; 0, the default, writes none). */
    public int checkpointEvery() {
        return integer("fer.checkpoint.every", 0);
    }

    /** Where checkpoints are kept ({@code fer.checkpoint.dir}, default {@code <fer.results>/checkpoints}). */
    public Path checkpointDir() {
        return Path.of(raw("fer.checkpoint.dir").orElse(resultsDir().resolve("checkpoints").toString()));
    }

    /**
     * Whether a fold killed mid-training continues from its checkpoint ({@code fer.checkpoint.resume}, false;
     * {@code fer train --resume}). Explicit and strict, unlike {@link #resume()} for completed folds: a checkpoint
     * of other settings, data or commit is refused with the differences, so hours of training are never dropped
     * without the user deciding.
     */
    public boolean resumeFromCheckpoints() {
        return bool("fer.checkpoint.resume", false);
    }

    /** Whether each trained fold is saved as a model bundle under {@code <fer.results>/models} ({@code fer.models.save}, false). */
    public boolean saveModels() {
        return bool("fer.models.save", false);
    }

    /** Where model bundles are written: {@code <fer.results>/models}. */
    public Path modelsDir() {
        return resultsDir().resolve("models");
    }

    /** The datasets.lock file copies are checked against ({@code fer.lock}, default {@code datasets.lock}). */
    public Path lockFile() {
        return Path.of(raw("fer.lock").orElse("datasets.lock"));
    }

    /** Whether a copy that differs from datasets.lock is refused (default) or only reported. */
    public boolean enforceLock() {
        return bool("fer.lock.enforce", true);
    }

    public NetworkConfig network(Variant variant, LossKind lossKind, int classes, long seed) {
        Protocol p = preset();
        LossConfig loss = new LossConfig(lossKind, decimal("fer.loss.scale", LossConfig.DEFAULT_SCALE),
                decimal("fer.loss.margin", LossConfig.DEFAULT_MARGIN));
        return new NetworkConfig(variant, loss, augmentation().cropSize(), 1, p.branchWidths(), p.blocks(),
                integer("fer.model.reduction", 16), integer("fer.model.reduction.floor", 4), classes, seed);
    }

    public TrainingConfig training() {
        Protocol p = preset();
        return new TrainingConfig(p.epochs(), integer("fer.batch", TrainingConfig.PAPER_BATCH_SIZE), p.learningRate(),
                decimal("fer.adam.beta1", 0.9), decimal("fer.adam.beta2", 0.999),
                integer("fer.lr.halving", TrainingConfig.PAPER_HALVING_PERIOD), augmentation());
    }

    /** §4's augmentation; jitter, noise, rotation and translation default to {@link Augmentation#PAPER}'s when the
     * protocol augments, else to 0 (off); each has its own {@code fer.augment.*} setting. */
    public Augmentation augmentation() {
        Augmentation d = preset().augment() ? Augmentation.PAPER : new Augmentation(Augmentation.PAPER.cropSize(),
                Augmentation.PAPER.mirror());
        return new Augmentation(integer("fer.crop", d.cropSize()), bool("fer.mirror", d.mirror()),
                decimal("fer.augment.rotation", d.rotationDegrees()),
                decimal("fer.augment.translation", d.translationPixels()),
                decimal("fer.augment.brightness", d.brightness()), decimal("fer.augment.contrast", d.contrast()),
                decimal("fer.augment.noise", d.noiseSigma()));
    }

    /**
     * PAPER.md §4's alignment to {@code fer.align.size} (70): through the dataset's own landmarks where
     * {@link #landmarks} has them, else (and with {@code fer.align.method=centre}) the centre crop whose fraction is
     * {@code fer.align.fraction.<dataset>}.
     */
    public FaceAligner aligner(DatasetId dataset) {
        int size = alignSize();
        FaceAligner centre = new CentreCropAligner(size,
                decimal("fer.align.fraction." + dataset.key(), dataset.centreCropFraction()));
        return switch (raw("fer.align.method").orElse("landmarks").toLowerCase(Locale.ROOT)) {
            case "landmarks" -> new LandmarkAligner(size, centre);
            case "centre", "center" -> centre;
            default -> throw new IllegalArgumentException("fer.align.method=" + raw("fer.align.method").get()
                    + " is not one of landmarks, centre");
        };
    }

    /** The aligned face's side ({@code fer.align.size}, 70: PAPER.md §4). */
    public int alignSize() {
        return integer("fer.align.size", 70);
    }

    /**
     * Issue 5's landmarks, best source first: the dataset's own (CK+'s 68 points), then OpenCV detection
     * ({@link #detector()}) where {@link #detects} says so; images left without take the aligner's fallback. None at
     * all under {@code fer.align.method=centre}, which uses none. The caller closes it (the detector is native).
     */
    public LandmarkSource landmarks(DatasetId dataset) {
        if (raw("fer.align.method").orElse("landmarks").toLowerCase(Locale.ROOT).startsWith("cent")) {
            return LandmarkSource.NONE;
        }
        LandmarkSource own = dataset == DatasetId.CKPLUS ? new CkPlusLandmarks() : LandmarkSource.NONE;
        return detects(dataset) ? own.orElse(new DetectedLandmarks(detector())) : own;
    }

    /**
     * How {@code dataset}'s faces are aligned, in full: the aligner and the landmark sources it tries. Run records,
     * checkpoints and model bundles carry it, so a model is never evaluated on faces aligned another way.
     */
    public String alignment(DatasetId dataset) {
        return aligner(dataset).describe() + ", landmarks " + landmarkOrder(dataset);
    }

    /** What {@link #landmarks} tries, in order, for the run record: e.g. {@code ckplus-68, then opencv(...)}. */
    public String landmarkOrder(DatasetId dataset) {
        if (raw("fer.align.method").orElse("landmarks").toLowerCase(Locale.ROOT).startsWith("cent")) {
            return "none";
        }
        String own = dataset == DatasetId.CKPLUS ? "ckplus-68" : null;
        String detection = detects(dataset) ? detector().describe() : null;
        return java.util.stream.Stream.of(own, detection).filter(java.util.Objects::nonNull)
                .reduce((a, b) -> a + ", then " + b).orElse("none");
    }

    /**
     * Whether faces are detected in {@code dataset}'s images that have no landmarks of their own ({@code fer.detect},
     * true). Never in the embedded synthetic dataset: its faces are rendered centred, and its calibration
     * (expected-results/synthetic.yaml) was recorded with the centre crop.
     */
    public boolean detects(DatasetId dataset) {
        return dataset != DatasetId.SYNTHETIC && bool("fer.detect", true);
    }

    /**
     * The OpenCV face detector's settings ({@code fer.detect.cascade}, {@code .eyes}, {@code .scale},
     * {@code .neighbours}, {@code .min.face}, {@code .side}; defaults {@link DetectorSettings#DEFAULT}).
     */
    public DetectorSettings detector() {
        DetectorSettings d = DetectorSettings.DEFAULT;
        return new DetectorSettings(raw("fer.detect.cascade").orElse(d.faceCascade()),
                raw("fer.detect.eyes").orElse(d.eyeCascade()), decimal("fer.detect.scale", d.scaleFactor()),
                integer("fer.detect.neighbours", d.minNeighbours()), decimal("fer.detect.min.face", d.minFace()),
                integer("fer.detect.side", d.searchSide()));
    }

    private int integer(String key, int fallback) {
        return raw(key).map(v -> parse(key, v, Integer::parseInt)).orElse(fallback);
    }

    private double decimal(String key, double fallback) {
        return raw(key).map(v -> parse(key, v, Double::parseDouble)).orElse(fallback);
    }

    private boolean bool(String key, boolean fallback) {
        return raw(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(key + "=" + v + " is not a boolean (true/false)");
        }).orElse(fallback);
    }

    private static Set<String> words(String value) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).forEach(out::add);
        return out;
    }

    /** {@code 1=anger,2=disgust}: whole-number codes to expressions (words or two-letter codes). */
    private static Map<Integer, Expression> codeMap(String key, String value) {
        Map<Integer, Expression> out = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException(key + ": '" + pair.trim() + "' is not code=expression");
            }
            out.put(parse(key, kv[0].trim(), Integer::parseInt), Expression.fromWordOrCode(kv[1]).orElseThrow(() ->
                    new IllegalArgumentException(key + ": '" + kv[1].trim() + "' is not one of "
                            + Expression.WORD_LIST)));
        }
        return out;
    }

    private static List<Integer> integers(String key, String value) {
        return Arrays.stream(value.split(",")).map(v -> parse(key, v.trim(), Integer::parseInt)).toList();
    }

    private static <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a valid number");
        }
    }
}
