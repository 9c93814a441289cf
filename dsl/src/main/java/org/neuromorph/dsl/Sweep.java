package org.neuromorph.dsl;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neuromorph.jobs.DefaultProgress;
import org.neuromorph.jobs.Interrupts;
import org.neuromorph.jobs.ProgressListener;
import org.neuromorph.plasticity.CustomRule;
import org.neuromorph.random.Seeds;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One experiment over a grid of parameters (or a list of rules), each run independent and seeded from its index
 * ({@link Seeds#forRun}), so the table is the same on every run, any thread count and any {@link Engine}: the cores
 * of this JVM (the default) or an Apache Spark cluster ({@link #spark}). Results come back as a Tablesaw table, one
 * row per grid point in grid order: the parameters, then what the experiment returned. Progress is reported per
 * finished run.
 */
public final class Sweep {
    /**
     * What one run measures, as named values (numbers become number columns, anything else text). Serializable so
     * that an engine can send it to other JVMs: a lambda written for it is serializable when what it captures is.
     */
    @FunctionalInterface
    public interface Experiment extends Serializable {
        Map<String, ?> run(Point point);
    }

    /**
     * Where a sweep's runs execute. Every engine gives the same table: a run's seed comes from its index, not from
     * where or when it runs.
     */
    public interface Engine {
        /**
         * Runs {@code experiment} once per point and returns what each run returned, in the points' order. Reports
         * each finished run to {@code progress} (null: nobody listens) from the calling thread. A failed run throws
         * an {@link IllegalStateException} that names its index and parameters; an interrupt of the calling thread
         * cancels the runs not finished and throws {@link java.util.concurrent.CancellationException}.
         */
        List<Map<String, ?>> runAll(List<Point> points, Experiment experiment, ProgressListener progress);

        /** As {@link Sweep#over(String, List, Experiment)}, on this engine. */
        default Table sweep(String parameter, List<?> values, Experiment experiment) {
            return over(this, Sweep.grid(parameter, values), experiment);
        }

        /** As {@link Sweep#over(Map, Experiment)}, on this engine. */
        default Table sweep(Map<String, ? extends List<?>> grid, Experiment experiment) {
            return over(this, grid, experiment);
        }
    }

    /** One grid point: its parameters by name, its index in the grid and its own seed. */
    public record Point(int index, long seed, Map<String, Object> parameters) implements Serializable {
        public Object get(String name) {
            Object value = parameters.get(name);
            if (value == null && !parameters.containsKey(name)) {
                throw new IllegalArgumentException("the sweep has no parameter '" + name + "'; it has "
                        + parameters.keySet());
            }
            return value;
        }

        public double number(String name) {
            if (get(name) instanceof Number n) {
                return n.doubleValue();
            }
            throw new IllegalArgumentException("parameter '" + name + "' is " + get(name) + ", not a number");
        }

        @SuppressWarnings("unchecked")
        public <T> T as(String name, Class<T> type) {
            Object value = get(name);
            if (!type.isInstance(value)) {
                throw new IllegalArgumentException("parameter '" + name + "' is a " + value.getClass().getSimpleName()
                        + ", not a " + type.getSimpleName());
            }
            return (T) value;
        }
    }

    private static final Engine IN_PROCESS = Sweep::runInProcess;
    /** The session's engine, chosen by {@link #engine(Engine)}; null until then (see {@link #engine()}). */
    private static volatile Engine sessionEngine;

    private Sweep() {
    }

    /** A sweep over one parameter's values (numbers, rules, models, ...), on the session's {@link #engine()}. */
    public static Table over(String parameter, List<?> values, Experiment experiment) {
        return over(engine(), grid(parameter, values), experiment);
    }

    /**
     * A sweep over every combination of the parameters' values (the last parameter varies fastest), on the
     * session's {@link #engine()}. Parameters keep the map's order when it has one (Kotlin's mapOf, LinkedHashMap,
     * SortedMap); otherwise sorted by name.
     */
    public static Table over(Map<String, ? extends List<?>> grid, Experiment experiment) {
        return over(engine(), grid, experiment);
    }

    private static Map<String, List<?>> grid(String parameter, List<?> values) {
        Map<String, List<?>> grid = new LinkedHashMap<>();
        grid.put(parameter, values);
        return grid;
    }

    private static Table over(Engine engine, Map<String, ? extends List<?>> grid, Experiment experiment) {
        Map<String, ? extends List<?>> ordered = grid instanceof LinkedHashMap || grid instanceof SortedMap
                ? grid : new TreeMap<>(grid);
        List<Point> points = points(ordered);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the sweep's grid is empty: give each parameter at least one value");
        }
        List<Map<String, ?>> results = engine.runAll(points, experiment, DefaultProgress.listener());
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == null) {
                throw new IllegalStateException("sweep run " + i + " " + points.get(i).parameters() + " returned null:"
                        + " return a map of results, e.g. Map.of(\"rate\", rate)");
            }
        }
        return table(ordered.keySet(), points, results);
    }

    /** The cores of this JVM: a pool of one thread per core. */
    public static Engine inProcess() {
        return IN_PROCESS;
    }

    /**
     * The engine that {@link #over} uses: the one {@link #engine(Engine)} chose, else Spark at the master that the
     * environment variable {@code NEUROMORPH_SPARK} or the system property {@code spark.master} names (what
     * {@code spark-submit} sets), else {@link #inProcess()}.
     */
    public static Engine engine() {
        Engine chosen = sessionEngine;
        if (chosen != null) {
            return chosen;
        }
        String master = System.getenv("NEUROMORPH_SPARK");
        if (master == null || master.isBlank()) {
            master = System.getProperty("spark.master");
        }
        if (master == null || master.isBlank()) {
            return IN_PROCESS;
        }
        synchronized (Sweep.class) {
            if (sessionEngine == null) {
                sessionEngine = spark(master.strip());
            }
            return sessionEngine;
        }
    }

    /** Where every later {@link #over} runs (e.g. {@code Sweep.engine(Sweep.spark("spark://host:7077"))}). */
    public static void engine(Engine engine) {
        if (engine == null) {
            throw new IllegalArgumentException("no engine given: pass Sweep.inProcess() to run on this JVM's cores");
        }
        sessionEngine = engine;
    }

    /**
     * Apache Spark at {@code master}: {@code "local[2]"} (two threads of this JVM, with the cluster's path of code
     * and data), {@code "local[*]"} or a standalone master's {@code "spark://host:7077"}. Spark is an optional
     * module: the kernel loads it on first use from the local Maven repository that install/install.sh fills; a
     * program outside the kernel puts {@code org.neuromorph:spark} and Spark on its class path. One Spark
     * application per master is started on first use and kept for the session.
     */
    public static Engine spark(String master) {
        ClassLoader loader = Cells.optionalModule("spark");
        try {
            Class<?> engine = Class.forName("org.neuromorph.spark.SparkEngine", true, loader);
            return (Engine) engine.getMethod("connect", String.class).invoke(null, master);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalStateException("Spark is not available here (" + e.getMessage() + "): run "
                    + "install/install.sh, which builds the Spark module and fetches Spark into ~/.m2; outside the "
                    + "kernel, put org.neuromorph:spark and org.apache.spark:spark-core_2.13 on the class path", e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("Spark at " + master + " could not start: " + e.getCause(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Spark module does not match this DSL: " + e, e);
        }
    }

    private static List<Point> points(Map<String, ? extends List<?>> grid) {
        List<Map<String, Object>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (var entry : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : combos) {
                for (Object value : entry.getValue()) {
                    Map<String, Object> extended = new LinkedHashMap<>(partial);
                    extended.put(entry.getKey(), value);
                    next.add(extended);
                }
            }
            combos = next;
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < combos.size(); i++) {
            points.add(new Point(i, Seeds.forRun(i), Collections.unmodifiableMap(combos.get(i))));
        }
        return points;
    }

    private static List<Map<String, ?>> runInProcess(List<Point> points, Experiment experiment,
            ProgressListener progress) {
        int threads = Math.min(points.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "neuromorph-sweep");
            t.setDaemon(true);
            return t;
        });
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        List<Map<String, ?>> results = new ArrayList<>(Collections.nCopies(points.size(), null));
        List<Future<Integer>> futures = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (Point p : points) {
                futures.add(done.submit(() -> {
                    results.set(p.index(), DefaultProgress.offWhile(() -> experiment.run(p)));
                    return p.index();
                }));
            }
            for (int finished = 1; finished <= points.size(); finished++) {
                Future<Integer> f = done.take();
                try {
                    f.get();
                } catch (ExecutionException e) {
                    int failed = futures.indexOf(f);
                    throw new IllegalStateException("sweep run " + failed + " " + points.get(failed).parameters()
                            + " failed: " + e.getCause(), e.getCause());
                }
                if (progress != null) {
                    progress.runs(finished, points.size(), System.nanoTime() - started);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Interrupts.stopped("the sweep");
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private static Table table(Iterable<String> parameters, List<Point> points, List<Map<String, ?>> results) {
        Table table = Table.create("sweep");
        for (String name : parameters) {
            table.addColumns(column(name, points.stream().map(p -> p.parameters().get(name)).toList()));
        }
        Map<String, ?> first = results.get(0);
        Iterable<String> measured = first instanceof LinkedHashMap || first instanceof SortedMap
                ? first.keySet() : new TreeMap<>(first).keySet();
        for (String name : measured) {
            if (table.columnNames().contains(name)) {
                throw new IllegalArgumentException("the experiment returns '" + name + "', the name of a parameter: "
                        + "rename the result");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (!results.get(i).containsKey(name)) {
                    throw new IllegalArgumentException("run " + i + " returned no '" + name + "' (run 0 did): "
                            + "return the same names from every run");
                }
                values.add(results.get(i).get(name));
            }
            table.addColumns(column(name, values));
        }
        return table;
    }

    private static Column<?> column(String name, List<?> values) {
        if (values.stream().allMatch(v -> v instanceof Number)) {
            return DoubleColumn.create(name, values.stream().mapToDouble(v -> ((Number) v).doubleValue()));
        }
        return StringColumn.create(name, values.stream().map(Sweep::label).toList());
    }

    /** A rule written in a cell by its name; a long "Name(parameters...)" by its name alone, to keep rows short. */
    private static String label(Object value) {
        if (value instanceof CustomRule rule) {
            return rule.name();
        }
        String text = String.valueOf(value);
        int open = text.indexOf('(');
        return text.length() > 40 && open > 0 ? text.substring(0, open) : text;
    }
}
