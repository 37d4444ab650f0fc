package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.experiment.Claim;
import io.github.mbaseresnet.experiment.ExpectedCell;
import io.github.mbaseresnet.experiment.ExpectedResults;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One paper table as a parameterized test: one case per reproduced (dataset, row) cell of the subclass's
 * {@link ExpectedResultsFile}, displayed as the table's row ("Table 5 · CK+ · SE-ResNet"). Cells whose dataset is not
 * configured are skipped with the exact reason; the others train, evaluate and assert (see {@link TableCellRunner}).
 * In a shard (fer.shard) a cell whose folds other shards also train is reported as partial (skipped) and judged by
 * {@code fer merge}.
 */
@ExtendWith(SummaryTableExtension.class)
abstract class ReproductionTable {

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CellsOfTheTable.class)
    void reproduces(String name, String table, ExpectedCell cell, MeasurementCache measurements) {
        new TableCellRunner(measurements).run(name, table, cell);
    }

    /** The table's claims (Tables 5 and 6), each a paired comparison over the same folds and seeds. */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @ArgumentsSource(ClaimsOfTheTable.class)
    void claim(String name, ExpectedResults expected, Claim claim, MeasurementCache measurements) {
        new TableCellRunner(measurements).checkClaim(expected, claim);
    }

    private static String fileOf(ExtensionContext context) {
        ExpectedResultsFile file = context.getRequiredTestClass().getAnnotation(ExpectedResultsFile.class);
        if (file == null) {
            throw new IllegalStateException(context.getRequiredTestClass() + " needs @ExpectedResultsFile");
        }
        return file.value();
    }

    static final class ClaimsOfTheTable implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters,
                ExtensionContext context) {
            ExpectedResults expected = ExpectedResults.load(Path.of("expected-results", fileOf(context)));
            return expected.claims().stream().map(c -> Arguments.of(expected.table() + " · claim · " + c.statement(),
                    expected, c));
        }
    }

    static final class CellsOfTheTable implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters,
                ExtensionContext context) {
            return TableCellRunner.cells(fileOf(context));
        }
    }
}
