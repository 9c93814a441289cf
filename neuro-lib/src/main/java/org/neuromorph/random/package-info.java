/**
 * Random streams: the SplitMix64 generator every source and device draws from (its state is one long, so a saved
 * network resumes its streams exactly) and the session's base seed ({@code %seed}). A leaf package: networks,
 * devices and crossbars all use it, and it uses none of them.
 */
package org.neuromorph.random;
