/**
 * Long jobs (network runs, training, sweeps): progress reporting ({@link org.neuromorph.jobs.ProgressListener},
 * {@link org.neuromorph.jobs.JobProgress}), cooperative interruption ({@link org.neuromorph.jobs.Interrupts}), and
 * whether their hot loops run in SIMD lanes ({@link org.neuromorph.jobs.Lanes}), shared by every package whose loops
 * can run for minutes.
 */
package org.neuromorph.jobs;
