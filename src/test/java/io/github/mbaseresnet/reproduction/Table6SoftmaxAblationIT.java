package io.github.mbaseresnet.reproduction;

/** Table 6 of the paper: softmax against the exponential cosine margin loss on five datasets. */
@ExpectedResultsFile("table6-softmax-ablation.yaml")
class Table6SoftmaxAblationIT extends ReproductionTable {
}
