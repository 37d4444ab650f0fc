package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.experiment.ExpectedResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;

/** Table 4 of the paper: the JAFFE confusion matrix of MBA-SE-ResNet, cell by cell. */
@ExtendWith(SummaryTableExtension.class)
class Table4JaffeConfusionIT {

    @Test
    void theJaffeConfusionMatrixMatchesTable4CellByCell(MeasurementCache measurements) {
        new TableCellRunner(measurements).checkConfusion(
                ExpectedResults.load(Path.of("expected-results/table4-jaffe-confusion.yaml")));
    }
}
