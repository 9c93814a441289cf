/**
 * The Jupyter messaging protocol: the kernel's request handlers, output publishing, stdin, comms, history.
 */
package org.neuromorph.kernel.protocol;
