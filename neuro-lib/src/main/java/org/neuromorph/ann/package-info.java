/**
 * Deep networks: multilayer perceptrons trained in software ({@link org.neuromorph.ann.Mlp}) and programmed
 * onto, run on or trained on crossbar tiles ({@link org.neuromorph.ann.CrossbarInference}).
 */
package org.neuromorph.ann;
