package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.experiment.HarnessSettings;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * Gives reproduction tests the run-wide {@link MeasurementCache}, once in the root store, so that it spans all test
 * classes of one run and renders the summary when the run ends.
 */
public final class SummaryTableExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MeasurementCache.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // a mistyped -Dfer.* or FER_* must stop the run, not train the defaults for hours
        var unknown = HarnessSettings.unknownSettings(System.getProperties().stringPropertyNames(),
                System.getenv().keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(HarnessSettings.unknownMessage(unknown));
        }
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(
                MeasurementCache.class, k -> new MeasurementCache(HarnessSettings.fromEnvironment(),
                        Path.of(System.getProperty("allure.results.directory", "target/allure-results"))),
                MeasurementCache.class);
    }
}
