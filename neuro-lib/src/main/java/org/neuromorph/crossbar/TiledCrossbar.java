package org.neuromorph.crossbar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.neuromorph.units.Energy;
import org.neuromorph.units.Time;

/**
 * A matrix larger than one array, spread over tiles of at most {@code tileInputs} × {@code tileOutputs}: each tile
 * holds a block of W, reads its slice of x, and the periphery adds the tiles' partial results digitally. Tiles are
 * made by a supplier, so every tile has the same devices and periphery (and its own seed).
 */
public final class TiledCrossbar {
    private final int inputs;
    private final int outputs;
    private final int tileInputs;
    private final int tileOutputs;
    private final List<Crossbar> tiles = new ArrayList<>();
    private final List<int[]> origins = new ArrayList<>(); // {first input, first output}

    /** {@code tile.make(inputs, outputs, index)} builds the crossbar of one tile. */
    @FunctionalInterface
    public interface TileFactory {
        Crossbar make(int inputs, int outputs, int index);
    }

    public TiledCrossbar(int inputs, int outputs, int tileInputs, int tileOutputs, TileFactory tile) {
        if (tileInputs < 1 || tileOutputs < 1) {
            throw new IllegalArgumentException("tiles need at least 1 × 1 cells");
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.tileInputs = tileInputs;
        this.tileOutputs = tileOutputs;
        int index = 0;
        for (int i0 = 0; i0 < inputs; i0 += tileInputs) {
            for (int j0 = 0; j0 < outputs; j0 += tileOutputs) {
                tiles.add(tile.make(Math.min(tileInputs, inputs - i0), Math.min(tileOutputs, outputs - j0), index++));
                origins.add(new int[] {i0, j0});
            }
        }
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    /** Tiles along the inputs: each output sums this many tiles' partial sums. */
    public int rowTiles() {
        return (inputs + tileInputs - 1) / tileInputs;
    }

    public int tileCount() {
        return tiles.size();
    }

    public List<Crossbar> tiles() {
        return Collections.unmodifiableList(tiles);
    }

    /** Programs W (outputs × inputs) with one scale for all tiles (the largest |w| of the whole matrix). */
    public long program(double[][] w, Crossbar.Programming how) {
        return program(w, how, Crossbar.largestMagnitude(w));
    }

    /** Programs W with weights in [−maxWeight, maxWeight] spanning the devices' window on every tile. */
    public long program(double[][] w, Crossbar.Programming how, double maxWeight) {
        long pulses = 0;
        for (int t = 0; t < tiles.size(); t++) {
            Crossbar c = tiles.get(t);
            int[] o = origins.get(t);
            double[][] block = new double[c.outputs()][c.inputs()];
            for (int j = 0; j < c.outputs(); j++) {
                System.arraycopy(w[o[1] + j], o[0], block[j], 0, c.inputs());
            }
            pulses += c.program(block, how, maxWeight == 0 ? 1 : maxWeight).pulses();
        }
        return pulses;
    }

    /** y = W·x, each tile reading its slice and the partial sums added. */
    public double[] mvm(double[] x) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("input has " + x.length + " values, the matrix " + inputs);
        }
        return acrossTiles(x, false);
    }

    /** z = Wᵀ·d, each tile reading its slice of d and the partial sums added. */
    public double[] transpose(double[] d) {
        return acrossTiles(d, true);
    }

    /** Each tile reads its slice of {@code in} (forward or transposed) and adds its partial sums to the result. */
    private double[] acrossTiles(double[] in, boolean transposed) {
        double[] out = new double[transposed ? inputs : outputs];
        for (int t = 0; t < tiles.size(); t++) {
            Crossbar c = tiles.get(t);
            int[] o = origins.get(t);
            int from = transposed ? o[1] : o[0];
            int to = transposed ? o[0] : o[1];
            double[] slice = Arrays.copyOfRange(in, from, from + (transposed ? c.outputs() : c.inputs()));
            double[] part = transposed ? c.transpose(slice) : c.mvm(slice);
            for (int k = 0; k < part.length; k++) {
                out[to + k] += part[k];
            }
        }
        return out;
    }

    /** The outer-product update W += rate·d·xᵀ on every tile, as device pulses. */
    public void update(double[] x, double[] d, double rate, Crossbar.Update how) {
        for (int t = 0; t < tiles.size(); t++) {
            Crossbar c = tiles.get(t);
            int[] o = origins.get(t);
            c.update(Arrays.copyOfRange(x, o[0], o[0] + c.inputs()),
                    Arrays.copyOfRange(d, o[1], o[1] + c.outputs()), rate, how);
        }
    }

    /** Sets every tile's clock (time since programming): drift and read noise are taken at it. */
    public TiledCrossbar at(Time sinceProgramming) {
        tiles.forEach(c -> c.at(sinceProgramming));
        return this;
    }

    /** Energy per read summed over the tiles (each tile read once per {@link #mvm}). */
    public Energy energyPerRead() {
        return new Energy(tiles.stream().mapToDouble(c -> c.report().totalEnergy().si()).sum());
    }

    @Override
    public String toString() {
        return "TiledCrossbar(" + inputs + " × " + outputs + " on " + tiles.size() + " tiles of " + tileInputs + " × "
                + tileOutputs + ")";
    }
}
