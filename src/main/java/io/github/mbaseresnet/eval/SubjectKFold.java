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

    /** The test subjects of each fold, fold 0 first. */
    public List<Set<String>> split(Map<String, Integer> imagesPerSubject) {
        if (imagesPerSubject.size() < k) {
            throw new IllegalArgumentException("cannot make " + k + " subject-independent folds from "
                    + imagesPerSubject.size() + " subjects " + imagesPerSubject.keySet());
        }
        List<String> subjects = new ArrayList<>(new TreeMap<>(imagesPerSubject).keySet());
        Collections.shuffle(subjects, new Random(seed));
        List<Set<String>> folds = new ArrayList<>();
        int[] sizes = new int[k];
        for (int f = 0; f < k; f++) {
            folds.add(new TreeSet<>());
        }
        for (int i = 0; i < subjects.size(); i++) {
            // one subject per fold first (so k = #subjects is exactly leave-one-subject-out), then the smallest fold
            int target = i < k ? i : smallest(sizes);
            folds.get(target).add(subjects.get(i));
            sizes[target] += imagesPerSubject.get(subjects.get(i));
        }
        folds.sort(Comparator.comparing(s -> s.iterator().next()));
        return List.copyOf(folds);
    }

    private static int smallest(int[] sizes) {
        int best = 0;
        for (int f = 1; f < sizes.length; f++) {
            if (sizes[f] < sizes[best]) {
                best = f;
            }
        }
        return best;
    }
}
