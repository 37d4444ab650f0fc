package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.align.Face;
import io.github.mbaseresnet.eval.SubjectKFold;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The subject-independent folds of one run and the seeds of each fold: the one definition that training
 * ({@link CrossValidation}) and {@code fer evaluate} share, so that a saved model is tested on exactly its fold.
 *
 * <p>Seeds: run r uses {@code seed + 1000·r} for its fold split, {@code + fold} for the initial weights and
 * {@code + 500 + fold} for shuffling/augmentation. They depend on nothing but the base seed, so two variants run with
 * the same seed see identical folds and batches: ablations are paired.
 *
 * @param testSubjects the held-out subjects of each fold, fold 0 first
 */
public record FoldSplit(List<Set<String>> testSubjects, long runSeed) {

    public FoldSplit {
        testSubjects = List.copyOf(testSubjects);
    }

    /** Run {@code run}'s stratified split of {@code faces} into {@code folds} folds (eval/SubjectKFold). */
    public static FoldSplit of(List<Face> faces, int folds, long seed, int run) {
        int classes = faces.stream().mapToInt(Face::label).max().orElse(0) + 1;
        Map<String, int[]> perSubject = new TreeMap<>();
        faces.forEach(f -> perSubject.computeIfAbsent(f.subject(), s -> new int[classes])[f.label()]++);
        long runSeed = seed + 1000L * run;
        return new FoldSplit(new SubjectKFold(folds, runSeed).stratifiedSplit(perSubject), runSeed);
    }

    public List<Face> train(List<Face> faces, int fold) {
        return faces.stream().filter(f -> !testSubjects.get(fold).contains(f.subject())).toList();
    }

    public List<Face> test(List<Face> faces, int fold) {
        return faces.stream().filter(f -> testSubjects.get(fold).contains(f.subject())).toList();
    }

    public long networkSeed(int fold) {
        return runSeed + fold;
    }

    public long dataSeed(int fold) {
        return runSeed + 500 + fold;
    }
}
