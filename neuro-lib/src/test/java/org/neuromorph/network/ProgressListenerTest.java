package org.neuromorph.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.ms;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuromorph.jobs.ProgressListener;

class ProgressListenerTest {

    @Test
    void reportsStartRegularlyAndEndAndRunContinues() {
        List<long[]> reports = new ArrayList<>();
        ProgressListener every = new ProgressListener() {
            @Override
            public void progress(long done, long total, double simulated, long wallNanos) {
                reports.add(new long[] {done, total, Math.round(simulated * 1e4)});
            }

            @Override
            public long intervalNanos() {
                return 0; // every check (each 256 steps)
            }
        };
        Network net = new Network().dt(ms(0.1)).progress(every);
        net.poisson("p", 10, Hz(10));
        net.run(ms(100));                 // 1000 steps: start, 256, 512, 768, end
        assertEquals(5, reports.size());
        assertEquals(0, reports.get(0)[0]);
        assertEquals(256, reports.get(1)[0]);
        assertEquals(1000, reports.get(4)[0]);
        assertEquals(1000, reports.get(4)[2], "100 ms simulated");
        reports.clear();
        net.run(ms(10));                  // continues from 100 ms
        assertEquals(2, reports.size());
        assertEquals(100, reports.get(1)[0]);
        assertEquals(1100, reports.get(1)[2]);
        assertTrue(reports.get(0)[1] == 100);
    }
}
