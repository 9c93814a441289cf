/**
 * Sweeps on Apache Spark ({@link org.neuromorph.spark.SparkEngine}): the same sweep, table and numbers as in
 * process, on a local master or a cluster, with the cells' code served to executors. An optional module: Spark is
 * provided, resolved by the kernel on first use.
 */
package org.neuromorph.spark;
