/**
 * Evaluating cells: JShell for Java and the Kotlin scripting host for Kotlin, the bytecode guard that refuses
 * exits and stops loops, the generations that keep long sessions fast, magics and completion.
 */
package org.neuromorph.kernel.eval;
