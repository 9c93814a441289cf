/**
 * Kotlin builders for devices and crossbars over the library's own objects:
 *
 * ```
 * val xb = crossbar(128, 64) {
 *     device = pcm { c2c = 0.02; levels = 32 }
 *     wireResistance = 2.5.ohm
 *     dacBits = 8; adcBits = 8
 * }
 * ```
 */
@file:JvmName("KotlinHardware")

package org.neuromorph.dsl.kotlin

import org.neuromorph.crossbar.Crossbar
import org.neuromorph.device.DeviceModel
import org.neuromorph.device.Devices
import org.neuromorph.units.Conductance
import org.neuromorph.units.Resistance
import org.neuromorph.units.Time

/** Analog HfOx RRAM adjusted in a block. */
fun rram(block: DeviceScope.() -> Unit): DeviceModel = Devices.rram().also { DeviceScope(it).block() }

/** PCM (statistical model) adjusted in a block. */
fun pcm(block: DeviceScope.() -> Unit): DeviceModel = Devices.pcm().also { DeviceScope(it).block() }

/** Multi-domain FeFET adjusted in a block. */
fun fefet(block: DeviceScope.() -> Unit): DeviceModel = Devices.fefet().also { DeviceScope(it).block() }

/** Stochastic binary STT-MRAM adjusted in a block. */
fun sttMram(block: DeviceScope.() -> Unit): DeviceModel = Devices.sttMram().also { DeviceScope(it).block() }

/** Floating-gate Flash adjusted in a block. */
fun flash(block: DeviceScope.() -> Unit): DeviceModel = Devices.flash().also { DeviceScope(it).block() }

@NeuroDsl
class DeviceScope(val model: DeviceModel) {
    /** Cycle-to-cycle σ of each pulse's change, as a fraction of the window. */
    var c2c: Double by fluent({ model.c2c() }, { value -> model.c2c(value) })

    /** Device-to-device σ of windows and update constants (relative). */
    var d2d: Double by fluent({ model.d2d() }, { value -> model.d2d(value) })

    /** Read-noise σ relative to the conductance. */
    var readNoise: Double by fluent({ model.readNoise() }, { value -> model.readNoise(value) })

    /** Levels the conductance is rounded to (at least 2). */
    var levels: Int by fluent({ model.levels() }, { value -> model.levels(value) })

    /** The conductance window. */
    fun range(min: Conductance, max: Conductance) {
        model.range(min, max)
    }

    /** NeuroSim's nonlinear update: pulses across the window and the constants A_p, A_d (in pulses). */
    fun nonlinear(pulses: Int, aPotentiation: Double, aDepression: Double) {
        model.nonlinear(pulses, aPotentiation, aDepression)
    }

    /** Fractions of devices stuck at G_max and at G_min. */
    fun stuck(on: Double, off: Double) {
        model.stuck(on, off)
    }

    /** Power-law drift with exponent ν ~ N(mean, sd) from t0. */
    fun drift(nuMean: Double, nuSd: Double, t0: Time) {
        model.drift(nuMean, nuSd, t0)
    }
}

/** A crossbar of `inputs` word lines × `outputs` bit lines, configured in a block (RRAM unless `device` is set). */
fun crossbar(inputs: Int, outputs: Int, block: CrossbarScope.() -> Unit): Crossbar =
    CrossbarScope().apply(block).build(inputs, outputs)

@NeuroDsl
class CrossbarScope {
    /** The cells' device model. */
    var device: DeviceModel = Devices.rram()

    /** Differential pairs (default) or one device per weight with a reference column. */
    var mapping: Crossbar.Mapping = Crossbar.Mapping.DIFFERENTIAL

    /** Resistance of one wire segment; with it, IR drop is solved as [irDrop] says. */
    var wireResistance: Resistance? = null

    var irDrop: Crossbar.IrDrop = Crossbar.IrDrop.FULL

    /** DAC and ADC resolutions (0: ideal). */
    var dacBits: Int = 0
    var adcBits: Int = 0

    var seed: Long = 1

    /** float64 (default) or float32 arithmetic for noiseless reads without IR drop. */
    var readPrecision: Crossbar.ReadPrecision = Crossbar.ReadPrecision.DOUBLE

    internal fun build(inputs: Int, outputs: Int): Crossbar {
        val crossbar = Crossbar.of(device, inputs, outputs).mapping(mapping).seed(seed).readPrecision(readPrecision)
        wireResistance?.let { crossbar.wireResistance(it, irDrop) }
        if (dacBits > 0) {
            crossbar.dac(dacBits, 1.0)
        }
        if (adcBits > 0) {
            crossbar.adc(adcBits)
        }
        return crossbar
    }
}
