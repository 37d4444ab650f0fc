package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.experiment.ExpectedCell;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * The embedded synthetic dataset against its recorded calibration (expected-results/synthetic.yaml): what
 * {@code mvn verify} checks when no licensed dataset is configured, so that a change that breaks learning fails.
 */
@ExtendWith(SummaryTableExtension.class)
class EmbeddedDatasetIT {

    static Stream<Arguments> cells() {
        return TableCellRunner.cells("synthetic.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void matchesCalibration(String name, String table, ExpectedCell cell, SummaryTable summary) {
        new TableCellRunner().run(table, cell, summary);
    }
}
