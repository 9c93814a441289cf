/**
 * The cell's vocabulary: the {@link org.neuromorph.dsl.Neuro} facade that every cell imports statically,
 * sweeps, exports for write-ups, and {@link org.neuromorph.dsl.Cells}, the seam a kernel uses (the imports a cell
 * starts with, which cell runs, where progress goes).
 */
package org.neuromorph.dsl;
