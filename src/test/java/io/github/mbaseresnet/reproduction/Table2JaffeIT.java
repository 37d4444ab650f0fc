package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.experiment.ExpectedCell;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** Table 2 of the paper: six-expression accuracy on JAFFE (expected-results/table2-jaffe.yaml). */
@ExtendWith(SummaryTableExtension.class)
class Table2JaffeIT {

    static Stream<Arguments> cells() {
        return TableCellRunner.cells("table2-jaffe.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void reproduces(String name, String table, ExpectedCell cell, SummaryTable summary) {
        new TableCellRunner().run(table, cell, summary);
    }
}
