package org.neuromorph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neuromorph.dsl.Sweep;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.network.Network;
import org.neuromorph.jobs.ProgressListener;
import tech.tablesaw.api.Table;

/** The Spark engine on a local master (two executor threads in this JVM): the in-process table, run for run. */
class SparkEngineTest {
    private static SparkEngine spark;

    @BeforeAll
    static void start() {
        spark = SparkEngine.connect("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** A seeded network per run: Poisson input counted over 0.2 s, whose count depends on the run's seed. */
    private static Map<String, ?> poissonCount(Sweep.Point p) {
        Network net = new Network().seed(p.seed());
        SpikeMonitor m = net.monitorSpikes(net.poisson("in", 50, Hz(p.number("rate"))));
        net.run(s(0.2));
        return Map.of("spikes", (double) m.count(), "seed", (double) p.seed());
    }

    @Test
    void aGridOnSparkGivesTheInProcessTableValueForValue() {
        Map<String, List<?>> grid = new java.util.LinkedHashMap<>();
        grid.put("rate", List.of(5, 10, 20));
        grid.put("copy", List.of(1, 2));
        Table local = Sweep.inProcess().sweep(grid, SparkEngineTest::poissonCount);
        Table onSpark = spark.sweep(grid, SparkEngineTest::poissonCount);
        assertEquals(6, onSpark.rowCount());
        assertEquals(local.print(), onSpark.print());
        // the seeds differ run to run, so equal tables are not equal by accident
        assertTrue(onSpark.doubleColumn("spikes").unique().size() > 1, onSpark.print());
    }

    @Test
    void progressComesPerFinishedRunAndEndsAtTheTotal() {
        List<Integer> seen = new ArrayList<>();
        ProgressListener progress = new ProgressListener() {
            @Override
            public void progress(long done, long total, double simulated, long wallNanos) {
            }

            @Override
            public void runs(int done, int total, long wallNanos) {
                seen.add(done);
                assertEquals(8, total);
            }
        };
        List<Sweep.Point> points = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            points.add(new Sweep.Point(i, i, Map.of("i", i)));
        }
        List<Map<String, ?>> results = spark.runAll(points, p -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("twice", 2.0 * p.number("i"));
        }, progress);
        assertEquals(14.0, results.get(7).get("twice"));
        assertEquals(8, seen.get(seen.size() - 1));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1), seen.toString());
        }
    }

    @Test
    void aRunThatThrowsIsNamedWithItsParameters() {
        var e = assertThrows(IllegalStateException.class, () -> spark.sweep("tau", List.of(1, 2, -3), p -> {
            if (p.number("tau") < 0) {
                throw new IllegalArgumentException("tau must be > 0");
            }
            return Map.of("ok", 1);
        }));
        assertTrue(e.getMessage().contains("run 2 {tau=-3}") && e.getMessage().contains("tau must be > 0"),
                e.getMessage());
    }

    @Test
    void aBodyThatCapturesWhatCannotTravelIsRefusedByName() {
        Network net = new Network();
        var e = assertThrows(IllegalArgumentException.class, () -> spark.sweep("x", List.of(1),
                p -> Map.of("n", (double) net.hashCode())));
        assertTrue(e.getMessage().contains("org.neuromorph.network.Network")
                && e.getMessage().contains("build anything else"), e.getMessage());
    }
}
