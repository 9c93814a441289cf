/**
 * Output from cells beyond their value: display and update of MIME bundles, progress bars, captured streams.
 */
package org.neuromorph.kernel.display;
