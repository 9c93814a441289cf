package org.neuromorph.crossbar;

import org.neuromorph.units.Energy;
import org.neuromorph.units.Time;

/** Energy of a crossbar's reads so far, by part (joules), and how many reads there were. */
final class EnergyLedger {
    double array;
    double dac;
    double adc;
    long reads;

    /**
     * Per-read averages of the reads so far, one read's latency, the area, and the energy of the same
     * matrix-vector product done digitally at 45 nm with 8-bit integers (Horowitz, ISSCC 2014: multiply 0.2 pJ,
     * add 0.03 pJ, and each 8-bit weight fetched from SRAM at 10 pJ per 64 bits).
     */
    Crossbar.Report report(Periphery periphery, double arrayReadTime, int inputs, int outputs, int devices) {
        long count = Math.max(1, reads);
        double a = array / count;
        double d = dac / count;
        double c = adc / count;
        double macs = (double) inputs * outputs;
        double digital = macs * (0.2e-12 + 0.03e-12 + 10e-12 / 8);
        return new Crossbar.Report(new Energy(a), new Energy(d), new Energy(c), new Energy(a + d + c),
                new Time(periphery.latency(arrayReadTime, outputs)), devices * periphery.cellArea(), new Energy(digital));
    }
}
