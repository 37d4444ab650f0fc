package io.github.mbaseresnet.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerTest {
    private static Ledger.Entry entry(String row, double mean, double sd, List<Double> folds) {
        return new Ledger.Entry("2026-12-03T00:00:00Z", "abc", "smoke", 42, "Embedded dataset", "synthetic", row,
                "MBA_SE_RESNET", "EXP_COSINE_MARGIN", "f00d", List.of(mean), folds, mean, sd, "PASS");
    }

    @Test
    void appendsOneParsableLinePerCellAndFindsThePreviousRunOfTheSameCell(@TempDir Path dir) throws Exception {
        Ledger ledger = new Ledger(dir.resolve("reports/ledger.jsonl"));
        ledger.append(entry("A", 50, 0, List.of(50.0, 50.0)));
        ledger.append(entry("B", 70, 0, List.of(70.0, 70.0)));
        ledger.append(entry("A", 55, 0, List.of(55.0, 55.0)));
        List<String> lines = Files.readAllLines(ledger.file());
        assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
        assertThat(ledger.read()).extracting(Ledger.Entry::row).containsExactly("A", "B", "A");
        assertThat(ledger.previous(entry("A", 0, 0, List.of())).orElseThrow().mean()).isEqualTo(55);
        assertThat(ledger.previous(entry("C", 0, 0, List.of()))).isEmpty();
        try (var files = Files.list(dir.resolve("reports"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ledger.jsonl",
                    "ledger.jsonl.lock"); // no temporary file left behind
        }
    }

    @Test
    void aLedgerThatDoesNotParseIsRefusedNamingTheLineAndLeftUntouched(@TempDir Path dir) throws Exception {
        Ledger ledger = new Ledger(dir.resolve("ledger.jsonl"));
        ledger.append(entry("A", 50, 0, List.of(50.0)));
        Files.writeString(ledger.file(), "{\"half\": ", java.nio.file.StandardOpenOption.APPEND);
        String before = Files.readString(ledger.file());
        assertThatThrownBy(() -> ledger.append(entry("B", 1, 0, List.of(1.0))))
                .hasMessageContaining(ledger.file().toString()).hasMessageContaining("line 2")
                .hasMessageContaining("nothing was appended");
        assertThat(Files.readString(ledger.file())).isEqualTo(before);
    }

    @Test
    void aCellMovedWhenTheMeansDifferByMoreThanTwiceTheCombinedStandardError() {
        // before: folds 40 and 60, sd 14.1421, se = 14.1421/√2 = 10; now: folds equal, se 0 → threshold 2·10 = 20
        Ledger.Entry before = entry("A", 50, Math.sqrt(200), List.of(40.0, 60.0));
        assertThat(Ledger.movedBeyondNoise(before, entry("A", 70.5, 0, List.of(70.5, 70.5)))).isTrue();
        assertThat(Ledger.movedBeyondNoise(before, entry("A", 69.5, 0, List.of(69.5, 69.5)))).isFalse();
        assertThat(Ledger.movedBeyondNoise(before, entry("A", 29.0, 0, List.of(29.0, 29.0)))).isTrue();
    }
}
