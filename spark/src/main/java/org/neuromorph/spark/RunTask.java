package org.neuromorph.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.neuromorph.dsl.Sweep;

/**
 * One sweep run on an executor: opens the shipment (the experiment, and the cells' variables it reads) and runs
 * the experiment on its point. A run that throws comes back as a failure, not as a failed task: Spark would
 * retry it, and it would fail the same way, since its seed is its own.
 */
final class RunTask implements Function<Sweep.Point, RunTask.Outcome> {
    private static final long serialVersionUID = 1L;
    private static final int TRACE_CHARS = 4000;

    /** What a run returned, or how it failed (its stack trace, cut), by its index in the grid. */
    record Outcome(int index, Map<String, ?> result, String failure) implements Serializable {
    }

    /**
     * The experiments this executor opened, by sweep: a sweep's tasks on one executor share one, as the in-process
     * pool's threads share the cell's lambda (and its variables are set once). The last few sweeps only.
     */
    private static final Map<String, Sweep.Experiment> OPENED = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sweep.Experiment> eldest) {
            return size() > 4;
        }
    };

    private final String sweep;
    private final byte[] shipment;

    /** @param sweep names the sweep uniquely (in this application and beyond), so an executor opens it once */
    RunTask(String sweep, byte[] shipment) {
        this.sweep = sweep;
        this.shipment = shipment;
    }

    private Sweep.Experiment experiment() {
        synchronized (OPENED) {
            return OPENED.computeIfAbsent(sweep,
                    s -> Shipment.open(shipment, Thread.currentThread().getContextClassLoader()));
        }
    }

    @Override
    public Outcome call(Sweep.Point point) {
        Sweep.Experiment experiment = experiment();
        try {
            return new Outcome(point.index(), experiment.run(point), null);
        } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            String text = trace.toString();
            return new Outcome(point.index(), null, text.length() > TRACE_CHARS ? text.substring(0, TRACE_CHARS)
                    + "..." : text);
        }
    }
}
