package org.neuromorph.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * notebooks/12-sweeps-laptop-to-cluster.ipynb on the installed Java kernel: a sweep defined in cells gives the same
 * table on Spark (local[2], the cluster's path through the class server) as on the kernel's cores, and CUBA's rate
 * falls as inhibition grows.
 */
class SweepsOnSparkNotebookTest {
    @Test
    void theSweepGivesTheSameTableOnSparkAndRateFallsWithInhibition() throws Exception {
        String all = NotebookRunner.allText("12-sweeps-laptop-to-cluster.ipynb");
        assertTrue(all.contains("sweeps run on Spark at local[2] (2 cores)"), all);
        assertTrue(all.contains("same table on Spark: true"), all);
        Matcher weak = Pattern.compile("\\n +0\\.6 +\\| +1 +\\| +([0-9.]+)").matcher(all);
        Matcher strong = Pattern.compile("\\n +1\\.4 +\\| +1 +\\| +([0-9.]+)").matcher(all);
        assertTrue(weak.find() && strong.find(), all);
        assertTrue(Double.parseDouble(weak.group(1)) > 1.5 * Double.parseDouble(strong.group(1)),
                "weaker inhibition, higher rate: " + weak.group(1) + " Hz against " + strong.group(1) + " Hz");
    }
}
