package org.neuromorph.neuron;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The conductance synapses models keep as parallel lists, as one map for what reads them (an export). */
final class ConductanceSynapses {
    private ConductanceSynapses() {
    }

    /** Name → {τ, E} in SI units, copies, in the order added. */
    static Map<String, double[]> byName(List<String> names, List<double[]> params) {
        Map<String, double[]> synapses = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            synapses.put(names.get(k), params.get(k).clone());
        }
        return synapses;
    }
}
