/**
 * Datasets the notebooks and benchmarks use (the UCI handwritten digits, IDX files) and atomic file writes.
 */
package org.neuromorph.data;
