/**
 * Crossbar arrays computing matrix-vector products in memory (Ohm's and Kirchhoff's laws): device conductances
 * as weights, DAC and ADC, IR drop from wire resistance, tiling of large matrices, energy and area figures.
 */
package org.neuromorph.crossbar;
