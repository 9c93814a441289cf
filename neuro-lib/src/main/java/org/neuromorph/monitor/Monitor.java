package org.neuromorph.monitor;

/** Records something each step. The simulator calls {@link #atStepStart} before integration and
 * {@link #afterThreshold} once the step's spikes are known. */
public interface Monitor {
    default void atStepStart(long step, double dt) {
    }

    default void afterThreshold(long step, double dt) {
    }
}
