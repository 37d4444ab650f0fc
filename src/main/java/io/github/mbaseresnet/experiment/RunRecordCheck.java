package io.github.mbaseresnet.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What must hold of a cell's measurement before it is counted (issue 6, in the spirit of MLPerf's compliance
 * checker): every run has every fold it should, exactly once, tested on disjoint subjects; seeds are recorded; the
 * dataset's manifest hash is present; every fold has its epochs; every image's landmark source is recorded. A cell
 * that fails is an error, never a result.
 */
public final class RunRecordCheck {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private RunRecordCheck() {
    }

    /** The problems found; empty when the record may be counted. */
    public static List<String> problems(CellReport r, int runsExpected, int foldsExpected, int expectedEpochs) {
        List<String> problems = new ArrayList<>();
        CellMeasurement m = r.measurement();
        if (m.runs() != runsExpected) {
            problems.add(m.runs() + " runs recorded, expected " + runsExpected);
        }
        for (int run = 0; run < m.runs(); run++) {
            final int runIndex = run;
            List<FoldResult> folds = m.folds().stream().filter(f -> f.run() == runIndex).toList();
            Set<Integer> indices = new HashSet<>();
            Set<String> seen = new HashSet<>();
            for (FoldResult f : folds) {
                if (!indices.add(f.fold())) {
                    problems.add("run " + (run + 1) + " has fold " + (f.fold() + 1) + " twice");
                }
                for (String s : f.testSubjects()) {
                    if (!seen.add(s)) {
                        problems.add("run " + (run + 1) + ": subject " + s + " is in two test folds");
                    }
                }
                if (f.outcome().epochs().size() != expectedEpochs) {
                    problems.add("run " + (run + 1) + " fold " + (f.fold() + 1) + " has "
                            + f.outcome().epochs().size() + " epochs, expected " + expectedEpochs);
                }
                if (f.outcome().confusion().total() == 0) {
                    problems.add("run " + (run + 1) + " fold " + (f.fold() + 1) + " tested no image");
                }
            }
            if (folds.size() != foldsExpected) {
                problems.add("run " + (run + 1) + " has " + folds.size() + " folds, expected " + foldsExpected);
            }
        }
        if (r.manifestSha256() == null || !SHA256.matcher(r.manifestSha256()).matches()) {
            problems.add("no dataset manifest hash recorded");
        }
        if (r.environment() == null || !r.environment().containsKey("git.commit")) {
            problems.add("no environment (commit) recorded");
        }
        if (r.landmarkSources() == null || r.landmarkSources().size() != r.images()) {
            problems.add((r.landmarkSources() == null ? 0 : r.landmarkSources().size()) + " images have a landmark "
                    + "source recorded, expected all " + r.images() + " (issue 5)");
        }
        return problems;
    }
}
