package org.neuromorph.jobs;

import java.util.concurrent.CancellationException;

/**
 * The library's long loops (network runs, training epochs and batches, sweeps) look at their thread's interrupt flag
 * between units of work, so a notebook's interrupt stops them within one unit. The flag is left set, so that code
 * further up the stack sees the interrupt too. Callers build the job's name only once stopped, so that a check
 * allocates nothing: {@code if (Interrupts.requested()) throw Interrupts.stopped("the run at t = " + t);}
 */
public final class Interrupts {
    private Interrupts() {
    }

    /** True when this thread has been asked to stop. */
    public static boolean requested() {
        return Thread.currentThread().isInterrupted();
    }

    /** The exception for an interrupted {@code job} ("the training at epoch 3"). */
    public static CancellationException stopped(String job) {
        return new CancellationException(job + " was interrupted");
    }
}
