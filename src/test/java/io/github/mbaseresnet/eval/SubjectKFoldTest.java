package io.github.mbaseresnet.eval;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectKFoldTest {
    /** JAFFE's six-class images per poser (213 minus each poser's neutral takes). */
    private static final Map<String, Integer> JAFFE = new LinkedHashMap<>();

    static {
        String[] posers = {"KA", "KL", "KM", "KR", "MK", "NA", "NM", "TM", "UY", "YM"};
        int[] counts = {20, 19, 19, 17, 18, 18, 17, 18, 18, 19};
        for (int i = 0; i < posers.length; i++) {
            JAFFE.put(posers[i], counts[i]);
        }
    }

    @Test
    void tenFoldsOfTenPosersIsLeaveOneSubjectOut() {
        List<Set<String>> folds = new SubjectKFold(10, 42).split(JAFFE);
        assertThat(folds).hasSize(10).allSatisfy(f -> assertThat(f).hasSize(1));
        assertThat(folds.stream().map(f -> f.iterator().next()).toList())
                .containsExactly("KA", "KL", "KM", "KR", "MK", "NA", "NM", "TM", "UY", "YM");
    }

    @Test
    void everySubjectIsTestedExactlyOnceAndFoldsAreBalanced() {
        Map<String, Integer> subjects = new LinkedHashMap<>();
        for (int s = 1; s <= 12; s++) {
            subjects.put(String.format("S%02d", s), 36);
        }
        List<Set<String>> folds = new SubjectKFold(4, 7).split(subjects);
        Set<String> seen = new HashSet<>();
        folds.forEach(f -> f.forEach(s -> assertThat(seen.add(s)).as("%s tested twice", s).isTrue()));
        assertThat(seen).isEqualTo(subjects.keySet());
        assertThat(folds).allSatisfy(f -> assertThat(f).hasSize(3));
    }

    @Test
    void theSplitDependsOnlyOnTheSeed() {
        Map<String, Integer> subjects = new LinkedHashMap<>();
        for (int s = 1; s <= 12; s++) {
            subjects.put("S" + s, s);
        }
        assertThat(new SubjectKFold(4, 7).split(subjects)).isEqualTo(new SubjectKFold(4, 7).split(subjects));
        assertThat(new SubjectKFold(4, 7).split(subjects)).isNotEqualTo(new SubjectKFold(4, 8).split(subjects));
    }

    @Test
    void tooFewSubjectsOrFoldsAreRefused() {
        assertThatThrownBy(() -> new SubjectKFold(11, 1).split(JAFFE)).hasMessageContaining("10 subjects");
        assertThatThrownBy(() -> new SubjectKFold(1, 1)).hasMessageContaining("fer.folds");
    }

    @Test
    void subjectsGoWhereTheirClassesAreLeastRepresented() {
        // 2 folds. Seeded order puts A and B first, one per fold; A holds 10 anger, B 10 happiness. C (10 anger)
        // must join B's fold and D (10 happiness) A's, whatever the sizes: each fold ends with 10 + 10.
        Map<String, int[]> subjects = new java.util.TreeMap<>(Map.of("A", new int[] {10, 0}, "B", new int[] {0, 10},
                "C", new int[] {10, 0}, "D", new int[] {0, 10}));
        for (long seed = 0; seed < 20; seed++) {
            List<Set<String>> folds = new SubjectKFold(2, seed).stratifiedSplit(subjects);
            for (Set<String> fold : folds) {
                int anger = fold.stream().mapToInt(s -> subjects.get(s)[0]).sum();
                assertThat(anger).as("seed %d, fold %s", seed, fold).isEqualTo(10);
            }
        }
    }

    @Test
    void withTheSameClassMixEverywhereStratificationIsTheSmallestFoldRule() {
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        Map<String, int[]> mixes = new java.util.TreeMap<>();
        for (int i = 1; i <= 12; i++) {
            sizes.put("S" + i, 36);
            mixes.put("S" + i, new int[] {6, 6, 6, 6, 6, 6});
        }
        assertThat(new SubjectKFold(4, 42).stratifiedSplit(mixes)).isEqualTo(new SubjectKFold(4, 42).split(sizes));
    }
}
