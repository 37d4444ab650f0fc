package io.github.mbaseresnet.reproduction;

import io.github.mbaseresnet.experiment.HarnessSettings;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/** Gives reproduction tests the run-wide {@link SummaryTable}, created once in the root store. */
public final class SummaryTableExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SummaryTable.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(SummaryTable.class,
                k -> new SummaryTable(HarnessSettings.fromEnvironment().resultsDir(),
                        Path.of(System.getProperty("allure.results.directory", "target/allure-results"))),
                SummaryTable.class);
    }
}
