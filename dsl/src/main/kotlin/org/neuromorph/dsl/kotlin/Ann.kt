/**
 * Kotlin builders for deep networks and their crossbar arrays, over the library's own objects:
 *
 * ```
 * val net = mlp(64, 32, 10) { seed = 1; hidden = Activation.RELU }
 * val log = net.train(train, test) { epochs = 40; batch = 16; rate = 0.05; momentum = 0.9 }
 * val arrays = net.onCrossbars(train) { tile = 128; cells { device = rram(); seed = 100 } }
 * val accuracies = arrays.trainInSitu(train, test) { epochs = 10; rate = 0.01; update = Crossbar.Update.MIXED_PRECISION }
 * ```
 * Every default is the Java facade's; the blocks name what the positional arguments left to the reader.
 */
@file:JvmName("KotlinAnn")

package org.neuromorph.dsl.kotlin

import org.neuromorph.ann.Activation
import org.neuromorph.ann.CrossbarInference
import org.neuromorph.ann.Mlp
import org.neuromorph.crossbar.Crossbar
import org.neuromorph.data.Dataset

/** A multilayer perceptron with the given layer sizes, input first: `mlp(64, 32, 10) { seed = 1 }`. */
fun mlp(vararg sizes: Int, block: MlpScope.() -> Unit = {}): Mlp {
    val scope = MlpScope().apply(block)
    val net = Mlp(scope.seed, scope.hidden, *sizes)
    if (scope.weightNoise > 0) {
        net.weightNoise(scope.weightNoise)
    }
    return net
}

@NeuroDsl
class MlpScope {
    /** Seed of the initial weights. */
    var seed: Long = 1

    /** The hidden layers' activation (the output is softmax). */
    var hidden: Activation = Activation.RELU

    /** Relative σ of the noise injected into the weights at every training pass (hardware-aware training). */
    var weightNoise: Double = 0.0
}

/** Mini-batch SGD with momentum on cross-entropy; returns the per-epoch log (see [trainingTable]). */
fun Mlp.train(train: Dataset, test: Dataset?, block: TrainingScope.() -> Unit): Mlp.TrainingLog {
    val scope = TrainingScope().apply(block)
    return train(train, test, scope.epochs, scope.batch, scope.rate, scope.momentum, scope.seed)
}

@NeuroDsl
class TrainingScope {
    var epochs: Int = 20
    var batch: Int = 16
    var rate: Double = 0.05
    var momentum: Double = 0.9

    /** Seed of the batch order and of the injected noise. */
    var seed: Long = 1
}

/**
 * This network's layers written onto tiles of crossbar arrays, the inputs scaled to the DACs' range from
 * `calibration` (the training set, usually). Each tile is built from [CrossbarMappingScope.cells], its seed offset by
 * the tile's index so that tiles differ.
 */
fun Mlp.onCrossbars(calibration: Dataset, block: CrossbarMappingScope.() -> Unit = {}): CrossbarInference {
    val scope = CrossbarMappingScope().apply(block)
    val cells = scope.cellsBlock
    return CrossbarInference.program(this, calibration, scope.tile, { inputs, outputs, index ->
        val tile = CrossbarScope().apply(cells)
        tile.seed += index
        tile.build(inputs, outputs)
    }, scope.programming, scope.maxWeight)
}

@NeuroDsl
class CrossbarMappingScope {
    /** The largest tile, cells a side. */
    var tile: Int = 128

    /** How weights are written: open loop or program-and-verify. */
    var programming: Crossbar.Programming = Crossbar.Programming.VERIFY

    /** Every layer's weight range is ±maxWeight (room for in-situ training to grow); 0: each layer's largest |w|. */
    var maxWeight: Double = 0.0

    internal var cellsBlock: CrossbarScope.() -> Unit = {}

    /** Each tile's device, mapping, periphery and wires, as in `crossbar(...) { ... }`; run once per tile. */
    fun cells(block: CrossbarScope.() -> Unit) {
        cellsBlock = block
    }
}

/**
 * In-situ training on the arrays (forward and transpose reads, updates as device pulses); returns the test
 * accuracy after each epoch.
 */
fun CrossbarInference.trainInSitu(train: Dataset, test: Dataset, block: InSituScope.() -> Unit): DoubleArray {
    val scope = InSituScope().apply(block)
    return trainInSitu(train, test, scope.epochs, scope.rate, scope.update, scope.seed)
}

@NeuroDsl
class InSituScope {
    var epochs: Int = 10
    var rate: Double = 0.01

    /** Pulse counts, stochastic pulse coincidence, or mixed precision (a high-precision copy in the periphery). */
    var update: Crossbar.Update = Crossbar.Update.PULSE_COUNT

    var seed: Long = 1
}
