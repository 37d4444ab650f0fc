package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.experiment.HarnessSettings;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/** Gives reproduction tests the run-wide {@link SummaryTable} and {@link MeasurementCache}, once in the root store. */
public final class SummaryTableExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SummaryTable.class || type == MeasurementCache.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == MeasurementCache.class) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(
                    MeasurementCache.class, k -> new MeasurementCache(HarnessSettings.fromEnvironment().resultsDir()),
                    MeasurementCache.class);
        }
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(SummaryTable.class,
                k -> new SummaryTable(HarnessSettings.fromEnvironment().resultsDir(),
                        Path.of(System.getProperty("allure.results.directory", "target/allure-results"))),
                SummaryTable.class);
    }
}
