package org.neuromorph.crossbar;

import static org.neuromorph.units.Arguments.atLeastOne;
import static org.neuromorph.units.Arguments.positive;

/**
 * The circuits around a crossbar array, as one value: the DAC that turns inputs into word-line voltages, the ADC
 * that turns sensed currents into numbers, the read voltage, their energy per conversion step and the ADC's time
 * per bit, the cell area and how many columns share an ADC. All in SI units. Each {@code with} method checks its
 * argument and returns a new value.
 *
 * @param dacBits          DAC resolution (0: ideal)
 * @param inputRange       inputs in [−range, range] map onto ±read voltage
 * @param adcBits          ADC resolution (0: ideal)
 * @param adcRange         ADC full scale in amperes (0: the largest current the array can sense)
 * @param readVoltage      volts on a word line driven at full scale
 * @param adcEnergyPerStep joules per ADC conversion step (Walden figure of merit: a conversion costs this·2^bits)
 * @param dacEnergyPerStep joules per DAC conversion step
 * @param cellArea         one device cell in F² (4 for a passive crossbar cell, 6–12 for 1T1R)
 * @param columnsPerAdc    columns sharing one ADC, converted one after another
 */
record Periphery(int dacBits, double inputRange, int adcBits, double adcRange, double readVoltage,
        double adcEnergyPerStep, double dacEnergyPerStep, double cellArea, int columnsPerAdc) {

    /**
     * Default figures, for a design to replace with its own: the ADC's 5 fJ per step is the SAR state of the art
     * around 2010 (record 4.4 fJ, van Elzakker et al., ISSCC 2008; several SAR designs under 10 fJ in 2011–12, as
     * B. E. Jonsson's ADC survey reports); the DAC's 0.5 fJ is nominal, with no source. One bit per nanosecond of
     * ADC time is nominal too.
     */
    static final double ADC_FOM = 5e-15;
    static final double DAC_FOM = 0.5e-15;
    static final double ADC_TIME_PER_BIT = 1e-9;

    /** Ideal converters, 0.2 V reads, the default energy figures, 4 F² cells, an ADC per column. */
    static final Periphery DEFAULT = new Periphery(0, 1, 0, 0, 0.2, ADC_FOM, DAC_FOM, 4, 1);

    Periphery withDac(int bits, double range) {
        if (bits == 1 || bits < 0 || bits > 24 || !(range > 0)) {
            throw new IllegalArgumentException("DAC needs 0 (ideal) or 2–24 bits and a range > 0, got " + bits
                    + " bits, range " + range);
        }
        return new Periphery(bits, range, adcBits, adcRange, readVoltage, adcEnergyPerStep, dacEnergyPerStep,
                cellArea, columnsPerAdc);
    }

    Periphery withAdc(int bits, double rangeAmps) {
        if (bits == 1 || bits < 0 || bits > 24 || !(rangeAmps >= 0)) {
            throw new IllegalArgumentException("ADC needs 0 (ideal) or 2–24 bits and a range ≥ 0 A, got " + bits
                    + " bits, range " + rangeAmps + " A");
        }
        return new Periphery(dacBits, inputRange, bits, rangeAmps, readVoltage, adcEnergyPerStep, dacEnergyPerStep,
                cellArea, columnsPerAdc);
    }

    Periphery withReadVoltage(double volts) {
        if (!(volts > 0)) {
            throw new IllegalArgumentException("read voltage must be > 0 V, got " + volts + " V");
        }
        return new Periphery(dacBits, inputRange, adcBits, adcRange, volts, adcEnergyPerStep, dacEnergyPerStep,
                cellArea, columnsPerAdc);
    }

    Periphery withConversionEnergies(double adcJoules, double dacJoules) {
        return new Periphery(dacBits, inputRange, adcBits, adcRange, readVoltage, nonNegativeEnergy("ADC", adcJoules),
                nonNegativeEnergy("DAC", dacJoules), cellArea, columnsPerAdc);
    }

    Periphery withCellArea(double squaredFeatureSizes) {
        return new Periphery(dacBits, inputRange, adcBits, adcRange, readVoltage, adcEnergyPerStep, dacEnergyPerStep,
                positive(squaredFeatureSizes, "cell area in F²"), columnsPerAdc);
    }

    Periphery withColumnsPerAdc(int count) {
        return new Periphery(dacBits, inputRange, adcBits, adcRange, readVoltage, adcEnergyPerStep, dacEnergyPerStep,
                cellArea, atLeastOne(count, "columns per ADC"));
    }

    private static double nonNegativeEnergy(String part, double joules) {
        if (!(joules >= 0)) {
            throw new IllegalArgumentException(part + " energy per conversion step must be ≥ 0 J (e.g. fJ(5)), got "
                    + joules + " J");
        }
        return joules;
    }

    /**
     * The DAC: {@code values} clipped to the input range and rounded to the DAC's levels, as voltages into
     * {@code v} (one per line). Returns the conversions' energy.
     */
    double drive(double[] values, double[] v) {
        int lines = v.length;
        int levels = dacBits == 0 ? 0 : (1 << (dacBits - 1)) - 1;
        for (int i = 0; i < lines; i++) {
            double u = Math.max(-1, Math.min(1, values[i] / inputRange));
            if (levels > 0) {
                u = Math.round(u * levels) / (double) levels;
            }
            v[i] = u * readVoltage;
        }
        return dacBits > 0 ? lines * dacEnergyPerStep * (1 << dacBits) : 0;
    }

    /**
     * The ADC: sensed currents clipped to its range and rounded to its levels, then turned into weights (in place)
     * at {@code siemensPerWeight}. Without a set range the full scale is what {@code drivenLines} lines at full
     * voltage through a whole {@code window} (siemens) would carry. Returns the conversions' energy.
     */
    double digitise(double[] sensed, int drivenLines, double window, double siemensPerWeight) {
        double range = adcRange > 0 ? adcRange : drivenLines * readVoltage * window;
        int levels = adcBits == 0 ? 0 : (1 << (adcBits - 1)) - 1;
        double toWeights = siemensPerWeight * readVoltage / inputRange;
        for (int j = 0; j < sensed.length; j++) {
            double current = sensed[j];
            if (levels > 0) {
                double u = Math.max(-1, Math.min(1, current / range));
                current = Math.round(u * levels) / (double) levels * range;
            }
            sensed[j] = current / toWeights;
        }
        return adcBits > 0 ? sensed.length * adcEnergyPerStep * (1 << adcBits) : 0;
    }

    /** One read's latency: the array's read time, then the ADC conversions of {@code columns} columns. */
    double latency(double arrayReadTime, int columns) {
        int conversions = (columns + columnsPerAdc - 1) / columnsPerAdc;
        return arrayReadTime + (adcBits > 0 ? conversions * adcBits * ADC_TIME_PER_BIT : 0);
    }

    /** The converters, for a crossbar's description: ", DAC 8 b, ADC 8 b" or "". */
    String describe() {
        return (dacBits > 0 ? ", DAC " + dacBits + " b" : "") + (adcBits > 0 ? ", ADC " + adcBits + " b" : "");
    }
}
