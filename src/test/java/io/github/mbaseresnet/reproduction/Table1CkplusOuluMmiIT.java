package io.github.mbaseresnet.reproduction;

/** Table 1 of the paper: CNN baseline and MBA-SE-ResNet on CK+, Oulu-CASIA and MMI. */
@ExpectedResultsFile("table1-ckplus-oulu-mmi.yaml")
class Table1CkplusOuluMmiIT extends ReproductionTable {
}
