package org.neuromorph.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.s;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.neuromorph.ann.Activation;
import org.neuromorph.ann.Mlp;
import org.neuromorph.data.Dataset;

/** The library's long loops end soon after their thread is interrupted (a notebook's interrupt), naming the job. */
class InterruptsTest {
    /** Starts job on a thread, interrupts it after 300 ms, and returns what it threw; it must end within 2 s. */
    private static Throwable interrupted(Runnable job) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                job.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        thread.start();
        Thread.sleep(300);
        assertTrue(thread.isAlive(), "the job is long enough to be interrupted");
        long asked = System.nanoTime();
        thread.interrupt();
        thread.join(2000);
        assertFalse(thread.isAlive(), "the job ended within 2 s of the interrupt");
        assertTrue(System.nanoTime() - asked < 2_000_000_000L);
        return thrown.get();
    }

    @Test
    void aLongRunStopsAtTheNextStep() throws InterruptedException {
        Network net = new Network().dt(ms(0.1));
        net.poisson("p", 1000, Hz(10));
        Throwable t = interrupted(() -> net.run(s(100_000)));
        assertInstanceOf(CancellationException.class, t);
        assertTrue(t.getMessage().startsWith("the run at t = "), t.getMessage());
    }

    @Test
    void trainingStopsAtTheNextBatch() throws InterruptedException {
        Dataset[] split = Dataset.digitsSplit();
        Mlp mlp = new Mlp(1, Activation.RELU, 64, 32, 10);
        Throwable t = interrupted(() -> mlp.train(split[0], null, 100_000, 16, 0.05, 0.9, 1));
        assertInstanceOf(CancellationException.class, t);
        assertTrue(t.getMessage().startsWith("the training in epoch "), t.getMessage());
    }
}
