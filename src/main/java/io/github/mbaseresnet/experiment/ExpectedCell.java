package io.github.mbaseresnet.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.mbaseresnet.loss.LossKind;
import io.github.mbaseresnet.model.Variant;

/**
 * One number of a table: the paper's (or a calibration's) value and how the harness treats it.
 *
 * @param dataset    dataset key ({@code jaffe}, {@code synthetic}, …)
 * @param row        the table's row name
 * @param variant    the network this harness trains for the row; null for rows it only cites
 * @param loss       the head this harness trains for the row; null for cited rows
 * @param protocol   for calibrated values, the protocol they were measured under; null = any protocol
 * @param value      accuracy in percent
 * @param tolerance  allowed |measured − value| in percentage points; required for reproduced rows
 * @param reproduced whether the harness trains this row or only cites it (other papers' methods)
 * @param provenance where the value comes from (table/row, or calibration run)
 */
public record ExpectedCell(String dataset, String row, Variant variant, LossKind loss, String protocol,
        double value, Double tolerance, boolean reproduced, String provenance) {

    public ExpectedCell(@JsonProperty("dataset") String dataset, @JsonProperty("row") String row,
            @JsonProperty("variant") Variant variant, @JsonProperty("loss") LossKind loss,
            @JsonProperty("protocol") String protocol, @JsonProperty("value") double value,
            @JsonProperty("tolerance") Double tolerance, @JsonProperty("reproduced") boolean reproduced,
            @JsonProperty("provenance") String provenance) {
        if (dataset == null || row == null || provenance == null) {
            throw new IllegalArgumentException("every cell needs dataset, row and provenance");
        }
        if (reproduced && (variant == null || loss == null || tolerance == null || !(tolerance >= 0))) {
            throw new IllegalArgumentException("reproduced cell '" + row + "' (" + dataset
                    + ") needs variant, loss and a tolerance >= 0");
        }
        this.dataset = dataset;
        this.row = row;
        this.variant = variant;
        this.loss = loss;
        this.protocol = protocol;
        this.value = value;
        this.tolerance = tolerance;
        this.reproduced = reproduced;
        this.provenance = provenance;
    }

    /** Whether {@code measured} lies within tolerance of the value. */
    public boolean accepts(double measured) {
        return Math.abs(measured - value) <= tolerance;
    }
}
