package io.github.mbaseresnet.reproduction;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the file of {@code expected-results/} whose reproduced cells a {@link ReproductionTable} class runs. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface ExpectedResultsFile {
    String value();
}
