package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.eval.ConfusionMatrix;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Table 4: the paper's confusion matrix of MBA-SE-ResNet (rows true, columns predicted, % of each true class),
 * compared cell by cell with the measured matrix of the same configuration's training (Table 2's on JAFFE). Its
 * expected-results file lists one cited cell per (true, predicted) pair, named {@code "AN->DI"}.
 */
public final class ConfusionCheck {
    private ConfusionCheck() {
    }

    /** Whether {@code expected} is a confusion-matrix table (every cell named {@code XX->YY}, none trained). */
    public static boolean isConfusionTable(ExpectedResults expected) {
        return expected.cells().stream().allMatch(c -> !c.reproduced() && c.row().matches("[A-Z]{2}->[A-Z]{2}"));
    }

    /** The training whose matrix is compared: MBA-SE-ResNet with the proposed loss on {@code dataset}. */
    public static ExperimentGrid.Configuration configuration(DatasetId dataset) {
        return new ExperimentGrid.Configuration(dataset, Variant.MBA_SE_RESNET, LossKind.EXP_COSINE_MARGIN);
    }

    /** The cells of {@code expected} further from the measured row percentage than their tolerance, described. */
    public static List<String> offCells(ExpectedResults expected, ConfusionMatrix measured) {
        double[][] percent = measured.rowPercent();
        List<String> codes = measured.classes().codes();
        List<String> off = new ArrayList<>();
        for (ExpectedCell cell : expected.cells()) {
            String[] pair = cell.row().split("->");
            double value = percent[codes.indexOf(pair[0])][codes.indexOf(pair[1])];
            if (Math.abs(value - cell.value()) > cell.tolerance()) {
                off.add(String.format(Locale.ROOT, "%s measured %.1f, paper %.1f ± %.1f", cell.row(), value,
                        cell.value(), cell.tolerance()));
            }
        }
        return off;
    }
}
