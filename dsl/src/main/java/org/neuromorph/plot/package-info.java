/**
 * Figures (raster, traces, curves, conductance maps): drawn as PNG and as Plotly JSON for interactive,
 * offline display.
 */
package org.neuromorph.plot;
