package io.github.mbaseresnet.reproduction;

/** The embedded synthetic dataset against its recorded calibration: what {@code mvn verify} checks when no licensed dataset is configured, so that a change that breaks learning fails. */
@ExpectedResultsFile("synthetic.yaml")
class EmbeddedDatasetIT extends ReproductionTable {
}
