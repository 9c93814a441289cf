package org.neuromorph.kernel.magic;

import java.util.List;
import org.neuromorph.dsl.Sweep;
import org.neuromorph.kernel.eval.Evaluator;

/**
 * {@code %spark MASTER}: every later sweep of the session runs on Spark at MASTER ({@code local[*]},
 * {@code spark://host:7077}); {@code %spark off} brings them back to this JVM's cores; {@code %spark} says where
 * they run. The same as {@code sweepEngine(spark(MASTER))} in a cell.
 */
final class SparkMagic implements Magic {
    @Override
    public Evaluator.Outcome run(Call call) {
        String master = call.argument();
        if (master.isEmpty()) {
            return new Evaluator.Value(null, "sweeps run on " + describe(Sweep.engine()));
        }
        if (master.contains(" ")) {
            return Magic.usage("%spark", "name one master: %spark local[*], %spark spark://host:7077 or %spark off");
        }
        if (master.equals("off")) {
            Sweep.engine(Sweep.inProcess());
            return new Evaluator.Value(null, "sweeps run on " + describe(Sweep.inProcess()));
        }
        try {
            Sweep.Engine spark = Sweep.spark(master);
            Sweep.engine(spark);
            return new Evaluator.Value(null, "sweeps run on " + describe(spark));
        } catch (RuntimeException e) {
            return new Evaluator.Failure("SparkError", "Spark at " + master + " could not start: " + e.getMessage()
                    + ". Sweeps still run where they did.", List.of("SparkError: " + e.getMessage()));
        }
    }

    private static String describe(Sweep.Engine engine) {
        return engine == Sweep.inProcess() ? "this JVM's " + Runtime.getRuntime().availableProcessors() + " cores"
                : engine.toString();
    }
}
