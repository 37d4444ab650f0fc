package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.experiment.CellReport;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Measurements of one test run by (dataset, variant, loss): Tables 1, 5 and 6 all have the MBA-SE-ResNet row on
 * the same datasets, and settings are fixed for the run, so each configuration is trained once and judged against
 * every table that prints it.
 */
final class MeasurementCache {
    private final Map<String, CellReport> measured = new HashMap<>();

    synchronized CellReport get(String key, Supplier<CellReport> measure) {
        return measured.computeIfAbsent(key, k -> measure.get());
    }
}
