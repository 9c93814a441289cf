/**
 * How library objects show themselves in a notebook: renderers from an object to its MIME bundle.
 */
package org.neuromorph.render;
