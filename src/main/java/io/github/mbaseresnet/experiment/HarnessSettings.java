package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.align.CentreCropAligner;
import io.github.mbaseresnet.align.CkPlusLandmarks;
import io.github.mbaseresnet.align.LandmarkAligner;
import io.github.mbaseresnet.align.LandmarkSource;
import io.github.mbaseresnet.align.FaceAligner;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.model.Variant;
import io.github.mbaseresnet.train.Augmentation;
import io.github.mbaseresnet.train.TrainingConfig;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        if (!training().equals(defaults.training()) || !network(Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN,
                6, 0).equals(defaults.network(Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN, 6, 0))) {
            return true;
        }
        return Arrays.stream(DatasetId.values()).anyMatch(d -> folds(d) != defaults.folds(d)
                || !aligner(d).describe().equals(defaults.aligner(d).describe()));
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

    /** Where run records, per-fold CSVs and the summary are written. */
    public Path resultsDir() {
        return Path.of(raw("fer.results").orElse("target/fer-results"));
    }

    /**
     * The results ledger ({@code fer.ledger}): {@code target/fer-results/ledger.jsonl} by default, so an ordinary run
     * leaves the repository untouched; publishing runs point it at {@code reports/ledger.jsonl} (ci/gpu-verify.sh).
     */
    public Path ledgerFile() {
        return Path.of(raw("fer.ledger").orElse(resultsDir().resolve("ledger.jsonl").toString()));
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
        int size = integer("fer.align.size", 70);
        FaceAligner centre = new CentreCropAligner(size,
                decimal("fer.align.fraction." + dataset.key(), dataset.centreCropFraction()));
        return switch (raw("fer.align.method").orElse("landmarks").toLowerCase(Locale.ROOT)) {
            case "landmarks" -> new LandmarkAligner(size, centre);
            case "centre", "center" -> centre;
            default -> throw new IllegalArgumentException("fer.align.method=" + raw("fer.align.method").get()
                    + " is not one of landmarks, centre");
        };
    }

    /** The landmarks a dataset ships (CK+'s 68 points); none for the others yet (detection is issue 5). */
    public LandmarkSource landmarks(DatasetId dataset) {
        return dataset == DatasetId.CKPLUS ? new CkPlusLandmarks() : LandmarkSource.NONE;
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
