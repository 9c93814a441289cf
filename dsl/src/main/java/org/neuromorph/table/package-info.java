/**
 * Monitors as Tablesaw tables (spikes, rates, traces) and tables rendered as HTML.
 */
package org.neuromorph.table;
