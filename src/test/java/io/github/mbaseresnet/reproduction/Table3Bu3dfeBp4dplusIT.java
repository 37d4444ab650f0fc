package io.github.mbaseresnet.reproduction;

/** Table 3 of the paper: CNN baseline and MBA-SE-ResNet on BU-3DFE and BP4D+. */
@ExpectedResultsFile("table3-bu3dfe-bp4dplus.yaml")
class Table3Bu3dfeBp4dplusIT extends ReproductionTable {
}
