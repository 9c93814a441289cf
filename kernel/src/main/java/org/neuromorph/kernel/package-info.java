/**
 * The Jupyter kernel: the protocol, the evaluators of Java and Kotlin cells, display of results and the
 * command line. {@link org.neuromorph.kernel.Log} is the kernel's log to stderr.
 */
package org.neuromorph.kernel;
