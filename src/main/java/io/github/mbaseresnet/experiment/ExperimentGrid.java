package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The experiment grid of one reproduction (issue 8): every (configuration × run × fold) that is trained, where a
 * configuration is (dataset, variant, loss). Tables 1, 5 and 6 print the same configurations, and each is trained
 * once (as in the tests' measurement cache), so the grid is deduplicated across tables.
 *
 * <p>Partition over {@code n} shards: longest-processing-time first. Units are sorted by estimated cost (descending,
 * then by configuration, run and fold) and each goes to the shard with the least cost so far (the lowest index on a
 * tie). It depends on nothing but the grid, so every runner computes the same partition without talking to the
 * others. The cost of a unit is {@code images × epochs}: every fold of a dataset trains on about (k−1)/k of its images
 * for the same number of epochs, and a training step's time is about proportional to the images it sees; the
 * variants' per-image costs differ by under 10% (README, performance), which the proxy ignores.
 *
 * @param units every unit, each with the shard it is assigned to
 */
public record ExperimentGrid(int shards, List<Unit> units) {

    /** What is trained once and judged against every table that prints it. */
    public record Configuration(DatasetId dataset, Variant variant, LossKind loss) {
        /** {@code synthetic/MBA_SE_RESNET/EXP_COSINE_MARGIN}: also the run records' grouping key. */
        public String key() {
            return dataset.key() + "/" + variant + "/" + loss;
        }
    }

    /**
     * One training: a configuration's fold of a run (0-based), its estimated cost and the shard (1-based) it is
     * assigned to.
     */
    public record Unit(String configuration, int run, int fold, long cost, int shard) {
        /** {@code synthetic/MBA_SE_RESNET/EXP_COSINE_MARGIN run 1 fold 2} (1-based, as in the logs). */
        public String describe() {
            return configuration + " run " + (run + 1) + " fold " + (fold + 1);
        }
    }

    /** The units of one configuration that one shard trains. */
    public record Share(Set<List<Integer>> runFolds, boolean complete) {
        /** Every unit: an unsharded run. */
        public static final Share ALL = new Share(null, true);

        public boolean trains(int run, int fold) {
            return runFolds == null || runFolds.contains(List.of(run, fold));
        }

        public boolean isEmpty() {
            return runFolds != null && runFolds.isEmpty();
        }
    }

    /** How many units of how much a configuration trains: its dataset's images, runs, folds trained and epochs. */
    public record Size(int images, int runs, int folds, int epochs) {
    }

    /** The size of a configuration on {@code dataset} under {@code settings}' protocol. */
    public static Size sizeOf(HarnessSettings settings, DatasetSource.LoadedDataset dataset) {
        int images = (int) dataset.samples().stream().filter(s -> settings.classes().contains(s.label())).count();
        return new Size(images, settings.protocol().runs(), settings.protocol().foldsRun(settings.folds(
                dataset.id())), settings.training().epochs());
    }

    public ExperimentGrid {
        units = List.copyOf(units);
    }

    /** The grid of {@code configurations} partitioned over {@code shards}. */
    public static ExperimentGrid of(Map<Configuration, Size> configurations, int shards) {
        List<Unit> all = new ArrayList<>();
        configurations.forEach((c, size) -> {
            for (int run = 0; run < size.runs(); run++) {
                for (int fold = 0; fold < size.folds(); fold++) {
                    all.add(new Unit(c.key(), run, fold, (long) size.images() * size.epochs(), 0));
                }
            }
        });
        all.sort(Comparator.comparingLong(Unit::cost).reversed().thenComparing(Unit::configuration)
                .thenComparingInt(Unit::run).thenComparingInt(Unit::fold));
        long[] load = new long[shards];
        List<Unit> assigned = new ArrayList<>();
        for (Unit u : all) {
            int least = 0;
            for (int s = 1; s < shards; s++) {
                if (load[s] < load[least]) {
                    least = s;
                }
            }
            load[least] += u.cost();
            assigned.add(new Unit(u.configuration(), u.run(), u.fold(), u.cost(), least + 1));
        }
        return new ExperimentGrid(shards, assigned);
    }

    /**
     * The configurations the tables of {@code expectedDir} train under {@code protocol}, on the datasets that are
     * {@code available}: every reproduced cell, both sides of every claim, and Table 4's matrix (the Table 2
     * training of MBA-SE-ResNet, {@link ConfusionCheck}).
     */
    public static List<Configuration> configurations(Path expectedDir, String protocol,
            Predicate<DatasetId> available) {
        Set<Configuration> out = new LinkedHashSet<>();
        for (ExpectedResults e : ExpectedResults.loadTables(expectedDir)) {
            e.reproducedCells(protocol).forEach(c -> out.add(new Configuration(DatasetId.fromKey(c.dataset())
                    .orElseThrow(), c.variant(), c.loss())));
            List<DatasetId> datasets = e.cells().stream().map(c -> DatasetId.fromKey(c.dataset()).orElseThrow())
                    .distinct().toList();
            for (Claim claim : e.claims()) {
                for (DatasetId d : datasets) {
                    out.add(new Configuration(d, claim.better().variant(), claim.better().loss()));
                    out.add(new Configuration(d, claim.worse().variant(), claim.worse().loss()));
                }
            }
            if (ConfusionCheck.isConfusionTable(e)) {
                datasets.forEach(d -> out.add(ConfusionCheck.configuration(d)));
            }
        }
        return out.stream().filter(c -> available.test(c.dataset())).toList();
    }

    /** What {@code shard} trains of {@code configuration}, and whether that is all of it. */
    public Share share(String configuration, Shard shard) {
        List<Unit> of = units.stream().filter(u -> u.configuration().equals(configuration)).toList();
        Set<List<Integer>> mine = new LinkedHashSet<>();
        of.stream().filter(u -> u.shard() == shard.index()).forEach(u -> mine.add(List.of(u.run(), u.fold())));
        return new Share(mine, mine.size() == of.size());
    }

    /** Units per shard and their summed cost, e.g. {@code 1/3: 2 units, cost 576}. */
    public List<String> balance() {
        List<String> lines = new ArrayList<>();
        for (int s = 1; s <= shards; s++) {
            final int index = s;
            List<Unit> of = units.stream().filter(u -> u.shard() == index).toList();
            lines.add(s + "/" + shards + ": " + of.size() + " units, cost " + of.stream().mapToLong(Unit::cost).sum());
        }
        return lines;
    }

    /** Sum of every unit's cost (image-epochs). */
    public long totalCost() {
        return units.stream().mapToLong(Unit::cost).sum();
    }
}
