package io.github.mbaseresnet.experiment;

import io.github.mbaseresnet.eval.Statistics;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.train.TrainingConfig;

import java.util.Map;

/**
 * The complete record of one reproduced table cell: what was expected, how it was measured and what came out. It is
 * written as the cell's JSON run record and feeds the Allure result and the summary table.
 */
public record CellReport(String table, ExpectedCell expected, String protocol, NetworkConfig network,
        TrainingConfig training, String alignment, long seed, String dataset, String datasetRoot,
        int images, int subjects, String manifestSha256, String lockStatus, CellMeasurement measurement,
        Statistics statistics, Verdict verdict, Map<String, String> environment) {

    public double measuredMean() {
        return statistics.mean();
    }
}
