package io.github.mbaseresnet.report;

import io.github.mbaseresnet.experiment.CellMeasurement;
import io.github.mbaseresnet.experiment.CellReport;
import io.github.mbaseresnet.experiment.ExperimentGrid;
import io.github.mbaseresnet.experiment.FoldResult;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code fer merge}: combines the folders of the shards of one reproduction (issue 8) into one set of run records,
 * one ledger update (appended atomically), one Allure result set and the re-rendered report.
 *
 * <p>Refuses shards that do not belong together: another source tree (commit and uncommitted diff), protocol,
 * result-changing settings, seed, dataset manifest hash, grid or shard count, the same shard twice, a fold in two
 * shards or in a shard it was not assigned to. The message names the shard folder and the differing value. A cell
 * is merged only when every unit of its configuration is in; the others are listed as missing (run, fold, shard)
 * and left out, never counted.
 */
public final class ShardMerge {
    /**
     * What a merge produced: the complete merged cells, the units still missing, the summary, and the rows that
     * failed (out of tolerance, claim failed).
     */
    public record Result(List<CellReport> merged, List<String> missing, String summary, List<String> failed) {
    }

    private final Path expectedDir;

    public ShardMerge(Path expectedDir) {
        this.expectedDir = expectedDir;
    }

    public Result merge(List<Path> shardDirs, Path out, Ledger ledger, Instant now) {
        Set<Path> given = new java.util.HashSet<>();
        for (Path dir : shardDirs) {
            Path normal = dir.toAbsolutePath().normalize();
            if (!given.add(normal)) {
                throw new IllegalArgumentException("cannot merge: shard folder " + dir + " is given twice");
            }
            if (normal.equals(out.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("cannot merge into " + out + ": it is one of the shard folders, "
                        + "whose records the merge would overwrite; use another --out");
            }
        }
        Map<Path, ShardManifest> manifests = new LinkedHashMap<>();
        shardDirs.forEach(dir -> manifests.put(dir, ShardManifest.read(dir)));
        ShardManifest first = refuseMismatches(manifests);
        ExperimentGrid grid = new ExperimentGrid(first.parsedShard().count(), first.units());

        Map<String, List<CellReport>> byCell = new TreeMap<>();
        Map<String, Path> unitFrom = new HashMap<>();
        Set<String> present = new java.util.HashSet<>();
        manifests.forEach((dir, m) -> {
            for (CellReport r : new RunRecords(dir).readAll()) {
                byCell.computeIfAbsent(r.table() + " · " + r.dataset() + " · " + r.row(), k -> new ArrayList<>())
                        .add(r);
                for (FoldResult f : r.measurement().folds()) {
                    String unit = r.configuration() + " run " + (f.run() + 1) + " fold " + (f.fold() + 1);
                    present.add(unit);
                    int assigned = grid.units().stream().filter(u -> u.configuration().equals(r.configuration())
                            && u.run() == f.run() && u.fold() == f.fold()).mapToInt(ExperimentGrid.Unit::shard)
                            .findFirst().orElse(0);
                    if (assigned != m.parsedShard().index()) {
                        throw new IllegalArgumentException("cannot merge: shard folder " + dir + " (shard " + m.shard()
                                + ") holds " + unit + ", which the grid assigns to " + (assigned == 0 ? "no shard"
                                : "shard " + assigned + "/" + m.parsedShard().count()));
                    }
                    Path other = unitFrom.putIfAbsent(r.table() + " " + unit, dir);
                    if (other != null && !other.equals(dir)) {
                        throw new IllegalArgumentException("cannot merge: " + unit + " is in shard folder " + other
                                + " and in " + dir);
                    }
                }
            }
        });

        List<CellReport> merged = new ArrayList<>();
        byCell.values().forEach(parts -> {
            CellReport any = parts.get(0);
            List<FoldResult> folds = parts.stream().flatMap(p -> p.measurement().folds().stream())
                    .sorted(Comparator.comparingInt(FoldResult::run).thenComparingInt(FoldResult::fold)).toList();
            long expected = grid.units().stream().filter(u -> u.configuration().equals(any.configuration())).count();
            if (folds.size() == expected) {
                CellReport whole = any.withMeasurement(new CellMeasurement(folds, any.measurement().runs(),
                        any.measurement().foldsPerRun()));
                merged.add(any.expected() == null ? whole : whole.judgedAgainst(any.table(), any.expected()));
            }
        });
        List<String> missing = missing(grid, manifests, present);

        // the ledger first: when it cannot be appended to, no merged record is left behind to be reported as a result
        ledger.appendAll(merged.stream().map(r -> Ledger.Entry.of(r, now)).toList());
        RunRecords records = new RunRecords(out);
        merged.forEach(records::write);
        ReproductionReport report = new ReproductionReport(expectedDir);
        var inputs = new ReproductionReport.Inputs(merged, first.protocol(), ledger);
        String summary = report.write(out, inputs, now);
        List<ReproductionReport.Row> rows = report.rows(inputs);
        new AllureMerge(rows, manifests.size()).merge(List.copyOf(manifests.keySet()), out.resolve("allure-results"));
        return new Result(merged, missing, summary, rows.stream().filter(r -> r.verdict().equals("OUT_OF_TOLERANCE")
                || r.verdict().equals("CLAIM_FAILED")).map(r -> r.table() + " · " + r.dataset() + " · " + r.row()
                + ": " + r.verdict()).toList());
    }

    /** The first manifest, once every other agrees with it. */
    private static ShardManifest refuseMismatches(Map<Path, ShardManifest> manifests) {
        if (manifests.isEmpty()) {
            throw new IllegalArgumentException("no shard folder to merge");
        }
        Path firstDir = manifests.keySet().iterator().next();
        ShardManifest first = manifests.get(firstDir);
        Map<String, Path> seen = new HashMap<>();
        manifests.forEach((dir, m) -> {
            same("commit (source tree)", ShardManifest::tree, first, firstDir, m, dir);
            same("protocol", ShardManifest::protocol, first, firstDir, m, dir);
            same("result-changing settings", ShardManifest::settings, first, firstDir, m, dir);
            same("seed", ShardManifest::seed, first, firstDir, m, dir);
            same("shard count", x -> x.parsedShard().count(), first, firstDir, m, dir);
            for (String d : new TreeSet<>(union(first.datasets().keySet(), m.datasets().keySet()))) {
                same("manifest hash of dataset " + d, x -> x.datasets().get(d), first, firstDir, m, dir);
            }
            same("experiment grid", ShardManifest::units, first, firstDir, m, dir);
            Path twice = seen.putIfAbsent(m.shard(), dir);
            if (twice != null) {
                throw new IllegalArgumentException("cannot merge: shard folders " + twice + " and " + dir
                        + " are both shard " + m.shard());
            }
        });
        return first;
    }

    private static void same(String what, Function<ShardManifest, Object> value, ShardManifest first, Path firstDir,
            ShardManifest other, Path otherDir) {
        Object a = value.apply(first);
        Object b = value.apply(other);
        if (!Objects.equals(a, b)) {
            String shown = what.equals("experiment grid") ? "another grid" : String.valueOf(b);
            throw new IllegalArgumentException("cannot merge: shard folder " + otherDir + " has " + what + " "
                    + shown + ", but shard folder " + firstDir + " has " + (what.equals("experiment grid")
                    ? "a different one (other datasets configured?)" : String.valueOf(a)));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The shards not given and every unit of the grid that no shard folder holds, with its shard. */
    private static List<String> missing(ExperimentGrid grid, Map<Path, ShardManifest> manifests,
            Set<String> present) {
        Set<Integer> given = manifests.values().stream().map(m -> m.parsedShard().index())
                .collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (int s = 1; s <= grid.shards(); s++) {
            if (!given.contains(s)) {
                missing.add("shard " + s + "/" + grid.shards() + " was not given");
            }
        }
        grid.units().stream().filter(u -> !present.contains(u.describe())).forEach(u -> missing.add(
                u.describe() + " (shard " + u.shard() + "/" + grid.shards() + ")"));
        return missing;
    }
}
