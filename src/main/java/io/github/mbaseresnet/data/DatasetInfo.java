package io.github.mbaseresnet.data;

/**
 * What a user needs to know to get a dataset, shown when their copy is missing.
 *
 * @param name       the dataset's short name, as used in {@code datasets.lock}
 * @param obtainHint where to request it, its licence terms and which folder to point the harness at
 */
public record DatasetInfo(String name, String obtainHint) {
}
