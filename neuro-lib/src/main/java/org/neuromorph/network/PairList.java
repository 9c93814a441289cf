package org.neuromorph.network;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/** An explicit list of (pre, post) pairs, indexed by presynaptic unit once the group sizes are known. */
final class PairList implements Connectivity {
    private final int[] pre;
    private final int[] post;
    private int[] rowStart;
    private int[] targets;

    PairList(int[] pre, int[] post) {
        if (pre.length != post.length) {
            throw new IllegalArgumentException("pairs need as many pre as post indices, got " + pre.length
                    + " and " + post.length);
        }
        this.pre = pre.clone();
        this.post = post.clone();
    }

    @Override
    public void targets(int i, int preSize, int postSize, SplittableRandom rng, IntConsumer emit) {
        if (rowStart == null || rowStart.length != preSize + 1) {
            index(preSize, postSize);
        }
        for (int s = rowStart[i]; s < rowStart[i + 1]; s++) {
            emit.accept(targets[s]);
        }
    }

    /** Counting sort by presynaptic index, targets in increasing order within a row. */
    private void index(int preSize, int postSize) {
        int[] start = new int[preSize + 1];
        for (int k = 0; k < pre.length; k++) {
            if (pre[k] < 0 || pre[k] >= preSize || post[k] < 0 || post[k] >= postSize) {
                throw new IllegalArgumentException("pair " + k + " (" + pre[k] + " -> " + post[k]
                        + ") is outside the groups (" + preSize + " pre, " + postSize + " post units)");
            }
            start[pre[k] + 1]++;
        }
        for (int i = 0; i < preSize; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = start.clone();
        int[] sorted = new int[pre.length];
        for (int k = 0; k < pre.length; k++) {
            sorted[fill[pre[k]]++] = post[k];
        }
        for (int i = 0; i < preSize; i++) {
            Arrays.sort(sorted, start[i], start[i + 1]);
        }
        rowStart = start;
        targets = sorted;
    }
}
