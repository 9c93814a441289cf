package org.neuromorph.network;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/** Which pre/post pairs a projection connects. Rules emit pairs in order of presynaptic index. */
public interface Connectivity {
    /**
     * Emits the postsynaptic targets of presynaptic neuron {@code pre}, in increasing order. (Another order works
     * too, but a step split across threads then tests every synapse's target instead of bisecting the row.)
     *
     * @param rng seeded by the network, for random rules
     */
    void targets(int pre, int preSize, int postSize, SplittableRandom rng, IntConsumer emit);

    /** This rule, applied only to presynaptic units in [from, to); others connect to nothing. */
    default Connectivity fromPre(int from, int to) {
        Connectivity rule = this;
        return (pre, preSize, postSize, rng, emit) -> {
            if (pre >= from && pre < to) {
                rule.targets(pre, preSize, postSize, rng, emit);
            }
        };
    }

    /** Every pre connects to every post. */
    static Connectivity allToAll() {
        return (pre, preSize, postSize, rng, emit) -> {
            for (int j = 0; j < postSize; j++) {
                emit.accept(j);
            }
        };
    }

    /** Pre i connects to post i; both groups must have the same size. */
    static Connectivity oneToOne() {
        return (pre, preSize, postSize, rng, emit) -> {
            if (preSize != postSize) {
                throw new IllegalArgumentException("oneToOne needs groups of equal size, got "
                        + preSize + " and " + postSize);
            }
            emit.accept(pre);
        };
    }

    /**
     * Each pair is connected independently with probability p (seeded). The gaps between connected targets are
     * drawn from their geometric distribution, so the cost grows with the synapses made, not with pre × post.
     */
    static Connectivity fixedProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("connection probability must be in [0, 1], got " + p);
        }
        if (p == 1) {
            return allToAll();
        }
        double logMiss = Math.log1p(-p);
        return (pre, preSize, postSize, rng, emit) -> {
            if (p == 0) {
                return;
            }
            int j = -1;
            while (true) {
                // failures before the next success: floor(ln U / ln(1 - p)), U uniform in (0, 1]
                double gap = Math.floor(Math.log(1 - rng.nextDouble()) / logMiss);
                if (gap >= postSize - 1 - j) {
                    return;
                }
                j += 1 + (int) gap;
                emit.accept(j);
            }
        };
    }

    /** Connections given as a boolean matrix [pre][post]. */
    static Connectivity matrix(boolean[][] connected) {
        return (pre, preSize, postSize, rng, emit) -> {
            if (connected.length != preSize || connected[pre].length != postSize) {
                throw new IllegalArgumentException("connection matrix must be " + preSize + " × " + postSize);
            }
            for (int j = 0; j < postSize; j++) {
                if (connected[pre][j]) {
                    emit.accept(j);
                }
            }
        };
    }

    /**
     * Connections given as a list of pairs: pre[k] connects to post[k]. Pairs may come in any order; a repeated
     * pair makes two synapses (as in Brian2's {@code connect(i=..., j=...)}).
     */
    static Connectivity pairs(int[] pre, int[] post) {
        return new PairList(pre, post);
    }
}
