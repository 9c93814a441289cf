package org.neuromorph.nir;

import java.util.Map;
import java.util.stream.IntStream;

/**
 * What a {@link NirNetwork} run gave: every Output node's values and every recorded node's outputs and voltages,
 * each as [step][element] at the network's dt (spikes are 1 in the step they happen).
 */
public record NirRun(double dt, Map<String, double[][]> outputs, Map<String, double[][]> recorded,
        Map<String, double[][]> voltages) {
    /** The values of Output node {@code name}, [step][element]. */
    public double[][] output(String name) {
        return require(outputs, name, "Output");
    }

    /** The recorded outputs of node {@code name}, [step][element]. */
    public double[][] recorded(String name) {
        return require(recorded, name, "recorded");
    }

    /** The recorded membrane voltage of node {@code name}, [step][neuron]. */
    public double[][] voltage(String name) {
        return require(voltages, name, "voltage-recorded");
    }

    /** The steps in which element {@code index} of {@code rows} (an output or a record) was nonzero: its spikes. */
    public static int[] spikeSteps(double[][] rows, int index) {
        return IntStream.range(0, rows.length).filter(t -> rows[t][index] != 0).toArray();
    }

    private static double[][] require(Map<String, double[][]> map, String name, String what) {
        double[][] rows = map.get(name);
        if (rows == null) {
            throw new IllegalArgumentException("no " + what + " node '" + name + "' in this run (there are "
                    + map.keySet() + ")");
        }
        return rows;
    }
}
