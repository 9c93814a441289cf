/**
 * Type-safe builders for Kotlin cells over the same objects the Java facade builds (no second implementation):
 *
 * ```
 * val net = network { dt = 0.1.ms; seed = 42 }
 * val exc = net.group("exc", 50, lif { tauM = 20.ms; vThreshold = (-50).mV; refractory = 2.ms })
 * net.connect(input, exc, fixedProbability(0.5)) { weight = 0.5.mV; delay = 1.5.ms }
 * ```
 * Properties are typed quantities, so `tauM = 20.mV` does not compile.
 */
@file:JvmName("KotlinBuilders")

package org.neuromorph.dsl.kotlin

import org.neuromorph.network.Connectivity
import org.neuromorph.network.Network
import org.neuromorph.network.NeuronGroup
import org.neuromorph.network.Population
import org.neuromorph.network.Projection
import org.neuromorph.neuron.Izhikevich
import org.neuromorph.neuron.Lif
import org.neuromorph.units.Capacitance
import org.neuromorph.units.Resistance
import org.neuromorph.units.Time
import org.neuromorph.units.Units
import org.neuromorph.units.Voltage
import kotlin.properties.ReadWriteProperty
import kotlin.reflect.KProperty

@DslMarker
annotation class NeuroDsl

/**
 * A builder's property over a Java object's fluent getter and setter, e.g.
 * `var tauM: Time by fluent({ Units.s(model.tauM()) }, { value -> model.tauM(value) })`.
 */
internal fun <T> fluent(get: () -> T, set: (T) -> Unit): ReadWriteProperty<Any?, T> =
    object : ReadWriteProperty<Any?, T> {
        override fun getValue(thisRef: Any?, property: KProperty<*>): T = get()

        override fun setValue(thisRef: Any?, property: KProperty<*>, value: T) = set(value)
    }

/** A network configured in a block: `network { dt = 0.1.ms; seed = 42 }`. */
fun network(block: NetworkScope.() -> Unit): Network = Network().also { NetworkScope(it).block() }

@NeuroDsl
class NetworkScope(val network: Network) {
    /** The time step of the clock (default 0.1 ms). */
    var dt: Time by fluent({ Units.s(network.dt()) }, { value -> network.dt(value) })

    /** The seed every random choice derives from. */
    var seed: Long by fluent({ network.seed() }, { value -> network.seed(value) })
}

/** A leaky integrate-and-fire model configured in a block: `lif { tauM = 20.ms; vReset = (-65).mV }`. */
fun lif(block: LifScope.() -> Unit): Lif = Lif().also { LifScope(it).block() }

@NeuroDsl
class LifScope(val model: Lif) {
    /** Membrane time constant (default 20 ms). */
    var tauM: Time by fluent({ Units.s(model.tauM()) }, { value -> model.tauM(value) })

    /** Resting potential (default -70 mV). */
    var vRest: Voltage by fluent({ Units.V(model.vRest()) }, { value -> model.vRest(value) })

    /** Reset potential after a spike (default -70 mV). */
    var vReset: Voltage by fluent({ Units.V(model.vReset()) }, { value -> model.vReset(value) })

    /** Firing threshold (default -50 mV). */
    var vThreshold: Voltage by fluent({ Units.V(model.vThreshold()) }, { value -> model.vThreshold(value) })

    /** Absolute refractory period (default 2 ms). */
    var refractory: Time by fluent({ Units.s(model.refractory()) }, { value -> model.refractory(value) })

    /** Membrane resistance (default 100 MΩ). */
    var resistance: Resistance by fluent({ Units.ohm(model.resistance()) }, { value -> model.resistance(value) })

    /** Initial membrane potential of every neuron. */
    fun v0(value: Voltage) {
        model.v0(value)
    }

    /** Initial membrane potentials drawn uniformly from [low, high). */
    fun v0Uniform(low: Voltage, high: Voltage) {
        model.v0Uniform(low, high)
    }

    /** An exponential current synapse channel that projections can deliver onto. */
    fun synapse(name: String, tau: Time) {
        model.synapse(name, tau)
    }

    /** An exponential conductance synapse with a reversal potential; projections deliver onto it in siemens. */
    fun conductance(name: String, tau: Time, reversal: Voltage) {
        model.conductance(name, tau, reversal)
    }
}

/** An Izhikevich model from a published preset ("RS", "FS", ...), adjusted in a block. */
fun izhikevich(preset: String, block: IzhikevichScope.() -> Unit): Izhikevich =
    Izhikevich.preset(preset).also { IzhikevichScope(it).block() }

@NeuroDsl
class IzhikevichScope(val model: Izhikevich) {
    /** Membrane capacitance dividing the input current (default 1 pF, so I is in pA as in the paper). */
    fun capacitance(value: Capacitance) {
        model.capacitance(value)
    }

    /** Initial membrane potential. */
    fun v0(value: Voltage) {
        model.v0(value)
    }
}

/** Connects two populations and configures the projection in a block: `{ weight = 0.5.mV; delay = 1.ms }`. */
fun Network.connect(pre: Population, post: NeuronGroup, connectivity: Connectivity,
                    block: ProjectionScope.() -> Unit): Projection =
    connect(pre, post, connectivity).also { ProjectionScope(it).block() }

@NeuroDsl
class ProjectionScope(val projection: Projection) {
    private var weightSet: Voltage? = null
    private var delaySet: Time? = null

    /** The same voltage jump for every synapse. */
    var weight: Voltage
        get() = weightSet ?: throw IllegalStateException("weight has not been set in this block")
        set(value) {
            projection.weight(value)
            weightSet = value
        }

    /** The same transmission delay for every synapse. */
    var delay: Time
        get() = delaySet ?: throw IllegalStateException("delay has not been set in this block")
        set(value) {
            projection.delay(value)
            delaySet = value
        }

    /** Weights drawn uniformly from [low, high), seeded by the network. */
    fun weightsUniform(low: Voltage, high: Voltage) {
        projection.weightsUniform(low, high)
    }

    /** Delivers onto an exponential current synapse channel of the target model instead of the membrane. */
    fun onto(synapse: String) {
        projection.onto(synapse)
    }
}
