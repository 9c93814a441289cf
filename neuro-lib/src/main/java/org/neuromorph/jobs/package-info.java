/**
 * Long jobs (network runs, training, sweeps): progress reporting ({@link org.neuromorph.jobs.ProgressListener},
 * {@link org.neuromorph.jobs.JobProgress}) and cooperative interruption ({@link org.neuromorph.jobs.Interrupts}),
 * shared by every package whose loops can run for minutes.
 */
package org.neuromorph.jobs;
