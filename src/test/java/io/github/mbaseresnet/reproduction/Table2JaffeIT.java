package io.github.mbaseresnet.reproduction;

/** Table 2 of the paper: MBA-SE-ResNet on JAFFE, six expressions. */
@ExpectedResultsFile("table2-jaffe.yaml")
class Table2JaffeIT extends ReproductionTable {
}
