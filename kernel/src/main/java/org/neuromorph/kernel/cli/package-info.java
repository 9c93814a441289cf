/**
 * The {@code neuromorph} command line: kernel, install, uninstall, headless run of notebooks and scripts, and
 * the JVM options a kernel starts with.
 */
package org.neuromorph.kernel.cli;
