package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.experiment.ExpectedCell;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.util.stream.Stream;

/**
 * One paper table as a parameterized test: one case per reproduced (dataset, row) cell of the subclass's
 * {@link ExpectedResultsFile}, displayed as the table's row ("Table 5 · CK+ · SE-ResNet"). Cells whose dataset is not
 * configured are skipped with the exact reason; the others train, evaluate and assert (see {@link TableCellRunner}).
 */
@ExtendWith(SummaryTableExtension.class)
abstract class ReproductionTable {

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CellsOfTheTable.class)
    void reproduces(String name, String table, ExpectedCell cell, SummaryTable summary,
            MeasurementCache measurements) {
        new TableCellRunner(measurements).run(table, cell, summary);
    }

    static final class CellsOfTheTable implements ArgumentsProvider {
        @Override
        @SuppressWarnings("deprecation") // the one-argument form is the one every JUnit 5.x calls
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            ExpectedResultsFile file = context.getRequiredTestClass().getAnnotation(ExpectedResultsFile.class);
            if (file == null) {
                throw new IllegalStateException(context.getRequiredTestClass() + " needs @ExpectedResultsFile");
            }
            return TableCellRunner.cells(file.value());
        }
    }
}
