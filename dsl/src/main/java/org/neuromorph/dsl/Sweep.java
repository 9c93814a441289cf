package org.neuromorph.dsl;

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
import org.neuromorph.jobs.ProgressListener;
import org.neuromorph.plasticity.CustomRule;
import org.neuromorph.random.Seeds;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One experiment over a grid of parameters (or a list of rules), run in parallel on the available cores, each run
 * independent and seeded from its index ({@link Seeds#forRun}), so the table is the same on every run and any
 * thread count. Results come back as a Tablesaw table, one row per grid point in grid order: the parameters, then
 * what the experiment returned. Progress is reported per finished run.
 */
public final class Sweep {
    /** What one run measures, as named values (numbers become number columns, anything else text). */
    @FunctionalInterface
    public interface Experiment {
        Map<String, ?> run(Point point);
    }

    /** One grid point: its parameters by name, its index in the grid and its own seed. */
    public record Point(int index, long seed, Map<String, Object> parameters) {
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

    private Sweep() {
    }

    /** A sweep over one parameter's values (numbers, rules, models, ...). */
    public static Table over(String parameter, List<?> values, Experiment experiment) {
        Map<String, List<?>> grid = new LinkedHashMap<>();
        grid.put(parameter, values);
        return over(grid, experiment);
    }

    /**
     * A sweep over every combination of the parameters' values (the last parameter varies fastest). Parameters keep
     * the map's order when it has one (Kotlin's mapOf, LinkedHashMap, SortedMap); otherwise sorted by name.
     */
    public static Table over(Map<String, ? extends List<?>> grid, Experiment experiment) {
        Map<String, ? extends List<?>> ordered = grid instanceof LinkedHashMap || grid instanceof SortedMap
                ? grid : new TreeMap<>(grid);
        List<Point> points = points(ordered);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the sweep's grid is empty: give each parameter at least one value");
        }
        List<Map<String, ?>> results = runAll(points, experiment);
        return table(ordered.keySet(), points, results);
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

    private static List<Map<String, ?>> runAll(List<Point> points, Experiment experiment) {
        int threads = Math.min(points.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "neuromorph-sweep");
            t.setDaemon(true);
            return t;
        });
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        List<Map<String, ?>> results = new ArrayList<>(Collections.nCopies(points.size(), null));
        List<Future<Integer>> futures = new ArrayList<>();
        ProgressListener progress = DefaultProgress.listener();
        long started = System.nanoTime();
        try {
            for (Point p : points) {
                futures.add(done.submit(() -> {
                    Map<String, ?> r = DefaultProgress.offWhile(() -> experiment.run(p));
                    if (r == null) {
                        throw new IllegalStateException("the experiment returned null: return a map of results, "
                                + "e.g. Map.of(\"rate\", rate)");
                    }
                    results.set(p.index(), r);
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
            throw new IllegalStateException("sweep interrupted", e);
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
