/**
 * Synaptic memory devices (RRAM, PCM, FeFET, STT-MRAM, Flash, SRAM) as models with their non-idealities:
 * nonlinear and asymmetric pulse responses, finite levels, device-to-device and cycle-to-cycle variability, drift,
 * read noise, stuck faults and wear-out; named presets with their sources in {@link org.neuromorph.device.Devices}.
 */
package org.neuromorph.device;
