package org.neuromorph.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuromorph.jobs.DefaultProgress;
import org.neuromorph.jobs.ProgressListener;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.network.Network;
import tech.tablesaw.api.Table;

/** Sweeps: grid order, independent seeds, the same table every time, progress per run, failures named. */
class SweepTest {
    /** Spike count of a Poisson group at {@code rate}, with the run's own seed. */
    private static Map<String, ?> poissonCount(Sweep.Point p) {
        Network net = new Network().seed(p.seed());
        var in = net.poisson("in", 100, Hz(p.number("rate")));
        SpikeMonitor m = net.monitorSpikes(in);
        net.run(s(p.number("seconds")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("spikes", m.count());
        out.put("thread", Thread.currentThread().getName());
        return out;
    }

    @Test
    void aGridRunsEveryCombinationInOrderWithItsOwnSeedAndTheSameResultsEachTime() {
        Map<String, List<?>> grid = new LinkedHashMap<>();
        grid.put("rate", List.of(5, 10, 20));
        grid.put("seconds", List.of(1, 2));
        List<String> reports = new ArrayList<>();
        DefaultProgress.install(() -> new ProgressListener() {
            @Override
            public void progress(long done, long total, double simulated, long wallNanos) {
                reports.add(done + "/" + total + (Double.isNaN(simulated) ? " runs" : " steps"));
            }
        });
        Table first;
        try {
            first = Sweep.over(grid, SweepTest::poissonCount);
        } finally {
            DefaultProgress.install(() -> null);
        }
        assertEquals(List.of("rate", "seconds", "spikes", "thread"), first.columnNames());
        assertEquals(6, first.rowCount());
        assertEquals(List.of(5.0, 5.0, 10.0, 10.0, 20.0, 20.0), first.doubleColumn("rate").asList());
        assertEquals(List.of(1.0, 2.0, 1.0, 2.0, 1.0, 2.0), first.doubleColumn("seconds").asList());
        // the count is Poisson with mean 100·rate·seconds: within 5 standard deviations
        for (int row = 0; row < 6; row++) {
            double mean = 100 * first.doubleColumn("rate").get(row) * first.doubleColumn("seconds").get(row);
            assertEquals(mean, first.doubleColumn("spikes").get(row), 5 * Math.sqrt(mean));
        }
        // only the sweep's own reports reach the listener, one per finished run, not the networks' step reports
        assertEquals(List.of("1/6 runs", "2/6 runs", "3/6 runs", "4/6 runs", "5/6 runs", "6/6 runs"), reports);
        Table again = Sweep.over(grid, SweepTest::poissonCount);
        assertEquals(first.doubleColumn("spikes").asList(), again.doubleColumn("spikes").asList());
        assertTrue(first.stringColumn("thread").asList().stream().allMatch(t -> t.equals("neuromorph-sweep")));
    }

    @Test
    void runsWithTheSameParametersStillDrawIndependentNumbers() {
        Table t = Neuro.sweep("rate", List.of(10, 10, 10), p -> Map.of("spikes", poissonCountAt(p)));
        assertNotEquals(t.doubleColumn("spikes").get(0), t.doubleColumn("spikes").get(1));
        assertNotEquals(t.doubleColumn("spikes").get(1), t.doubleColumn("spikes").get(2));
    }

    private static double poissonCountAt(Sweep.Point p) {
        Network net = new Network().seed(p.seed());
        SpikeMonitor m = net.monitorSpikes(net.poisson("in", 100, Hz(p.number("rate"))));
        net.run(s(1));
        return m.count();
    }

    @Test
    void aFailingRunIsNamedWithItsParameters() {
        var e = assertThrows(IllegalStateException.class, () -> Neuro.sweep("tau", List.of(1, 2, -3), p -> {
            if (p.number("tau") < 0) {
                throw new IllegalArgumentException("tau must be > 0");
            }
            return Map.of("ok", 1);
        }));
        assertTrue(e.getMessage().contains("run 2") && e.getMessage().contains("tau=-3")
                && e.getMessage().contains("tau must be > 0"), e.getMessage());
        var missing = assertThrows(IllegalStateException.class, () -> Neuro.sweep("tau", List.of(1),
                p -> Map.of("x", p.number("tua"))));
        assertTrue(missing.getMessage().contains("no parameter 'tua'; it has [tau]"), missing.getMessage());
    }
}
