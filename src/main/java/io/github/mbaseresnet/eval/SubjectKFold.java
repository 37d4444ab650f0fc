package io.github.mbaseresnet.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Subject-independent k-fold split: every subject's images land in exactly one test fold, so no person is seen in
 * training and test at once (PAPER.md §4, assumption on the paper's unstated protocol). With k equal to the number of
 * subjects this is leave-one-subject-out.
 *
 * <p>Subjects are shuffled with the seed, then each is given to the fold holding the fewest images so far, which keeps
 * folds balanced in size. The result depends only on (subject → image count, k, seed), so every variant of an ablation
 * sees identical folds and comparisons are paired.
 *
 * @param k    number of folds
 * @param seed shuffling seed
 */
public record SubjectKFold(int k, long seed) {

    public SubjectKFold {
        if (k < 2) {
            throw new IllegalArgumentException("number of folds (fer.folds) must be >= 2, got " + k);
        }
    }

    /** The test subjects of each fold, fold 0 first; one class per subject (no stratification to do). */
    public List<Set<String>> split(Map<String, Integer> imagesPerSubject) {
        Map<String, int[]> single = new TreeMap<>();
        imagesPerSubject.forEach((subject, n) -> single.put(subject, new int[] {n}));
        return stratifiedSplit(single);
    }

    /**
     * The test subjects of each fold, fold 0 first, stratified: after one subject per fold, each next subject (in
     * seeded order) goes to the fold that holds the fewest images of the subject's own classes (least
     * Σ_c subject_c · fold_c, which is the fold whose squared deviation from equal class shares grows least); ties go
     * to the fold with the fewest images, then the first. When every subject has the same class mix (the embedded
     * dataset) this is exactly "the smallest fold", so those splits are as before.
     *
     * @param classCountsPerSubject images per class index, per subject
     */
    public List<Set<String>> stratifiedSplit(Map<String, int[]> classCountsPerSubject) {
        if (classCountsPerSubject.size() < k) {
            throw new IllegalArgumentException("cannot make " + k + " subject-independent folds from "
                    + classCountsPerSubject.size() + " subjects " + classCountsPerSubject.keySet());
        }
        List<String> subjects = new ArrayList<>(new TreeMap<>(classCountsPerSubject).keySet());
        Collections.shuffle(subjects, new Random(seed));
        int classes = classCountsPerSubject.values().stream().mapToInt(c -> c.length).max().orElse(1);
        List<Set<String>> folds = new ArrayList<>();
        int[] sizes = new int[k];
        int[][] counts = new int[k][classes];
        for (int f = 0; f < k; f++) {
            folds.add(new TreeSet<>());
        }
        for (int i = 0; i < subjects.size(); i++) {
            int[] c = classCountsPerSubject.get(subjects.get(i));
            // one subject per fold first (so k = #subjects is exactly leave-one-subject-out), then the best fold
            int target0 = i < k ? i : best(counts, sizes, c);
            folds.get(target0).add(subjects.get(i));
            for (int j = 0; j < c.length; j++) {
                counts[target0][j] += c[j];
                sizes[target0] += c[j];
            }
        }
        folds.sort(Comparator.comparing(s -> s.iterator().next()));
        return List.copyOf(folds);
    }

    /** The fold holding the fewest images of {@code add}'s classes (weighted by them); ties: fewest images, first. */
    private static int best(int[][] counts, int[] sizes, int[] add) {
        int best = 0;
        long bestCost = Long.MAX_VALUE;
        for (int f = 0; f < counts.length; f++) {
            long cost = 0;
            for (int j = 0; j < add.length; j++) {
                cost += (long) add[j] * counts[f][j];
            }
            if (cost < bestCost || (cost == bestCost && sizes[f] < sizes[best])) {
                best = f;
                bestCost = cost;
            }
        }
        return best;
    }
}
