package org.neuromorph.monitor;

/** What a weight monitor records: a named set of synapses whose weights change as a network runs. */
public interface WeightSource {
    String name();

    /** The current weight of every synapse, in the source's own order (CSR for projections). */
    double[] weights();
}
