package org.neuromorph.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.s;

import org.junit.jupiter.api.Test;
import org.neuromorph.monitor.RateMonitor;
import org.neuromorph.monitor.SpikeMonitor;

class RateMonitorTest {

    @Test
    void populationRateAgreesWithTheSpikeCountAndThePoissonRate() {
        Network net = new Network().dt(ms(0.1)).seed(3);
        var source = net.poisson("p", 1000, Hz(20));
        RateMonitor rate = net.monitorRate(source);
        SpikeMonitor spikes = net.monitorSpikes(source);
        net.run(s(1));
        assertEquals(10000, rate.rates().length);
        assertEquals(0.0, rate.times()[0]);
        assertEquals(0.9999, rate.times()[9999], 1e-12);
        // the same spikes counted two ways
        assertEquals(spikes.count() / (1000 * 1.0), rate.mean(), 1e-9);
        // 20 000 expected spikes: the Poisson spread is ±141, i.e. ±0.14 Hz; 0.6 Hz is over 4 sigma
        assertEquals(20.0, rate.mean(), 0.6);
        double[] smooth = rate.smoothed(0.1);
        assertEquals(rate.mean(), smooth[5000], 20 * 0.15, "a 100 ms window holds ~2000 spikes: ±2.2 % at 1σ");
    }
}
