package io.github.mbaseresnet.reproduction;

/** Table 5 of the paper: the SE-ResNet block against the adaptive SE block on five datasets. */
@ExpectedResultsFile("table5-se-resnet-ablation.yaml")
class Table5SeResNetAblationIT extends ReproductionTable {
}
