/**
 * PyNN (Davison et al. 2009, Front. Neuroinform. 2:11): a network written as a standalone PyNN 0.10 script that runs
 * unchanged on NEST, Brian2, NEURON or SpiNNaker ({@link org.neuromorph.pynn.PyNNExport}), plasticity included.
 */
package org.neuromorph.pynn;
