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
}
