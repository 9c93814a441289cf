package org.neuromorph.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.neuromorph.dsl.CellCode;
import org.neuromorph.dsl.Cells;
import org.neuromorph.dsl.Sweep;
import org.neuromorph.jobs.Interrupts;
import org.neuromorph.jobs.ProgressListener;

/**
 * A sweep's runs as a Spark job: one task per run, so Spark spreads them over the executors' cores, reruns the
 * tasks of an executor that dies, and the table comes back in grid order whatever ran where. Each run's seed comes
 * from its index, so the table equals the in-process one value for value.
 *
 * <p>Cell code on executors: the classes a cell compiled exist only in the kernel, so the engine writes them to a
 * directory that Spark's REPL class server serves to executors ({@code spark.repl.class.outputDir}, the mechanism
 * of Spark's own shells), and ships with the experiment the values of the earlier cells' variables that it reads
 * ({@link Shipment}). The library itself goes to executors as the jars it was loaded from ({@code spark.jars}).
 * Local masters take the same path, so {@code local[2]} tests what a cluster does.
 */
public final class SparkEngine implements Sweep.Engine {
    /** The session's Spark application: one per JVM, as Spark allows. */
    private static SparkEngine current;
    private static final long POLL_MILLIS = 100;

    private final String master;
    private final Path classes;
    private final JavaSparkContext context;
    /** Tasks finished successfully while a sweep runs (one sweep at a time per engine: {@link #runAll} is locked). */
    private final AtomicInteger finished = new AtomicInteger();
    /** Sweeps run so far, to name each one's job group ({@link #runAll} is locked). */
    private long sweeps;

    private SparkEngine(String master) {
        this.master = master;
        try {
            classes = Files.createTempDirectory("neuromorph-spark-classes");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for the cells' classes", e);
        }
        // before Spark's first class: its logging starts with it
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:org/neuromorph/spark/log4j2-sweeps.properties");
        }
        SparkConf conf = new SparkConf()
                .setMaster(master)
                .setAppName("neuromorph sweeps")
                .set("spark.repl.class.outputDir", classes.toString());
        conf.setIfMissing("spark.ui.enabled", "false");
        if (master.startsWith("local") || onLoopback(master)) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!master.startsWith("local")) {
            conf.setJars(libraryJars().toArray(String[]::new));
        }
        // Spark's executors (local ones too) load from the context loader at the context's start: ours, which sees
        // Spark and the library but not the cells, so cell classes reach them through the class server, as on a
        // cluster
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SparkEngine.class.getClassLoader());
        try {
            context = new JavaSparkContext(conf);
        } finally {
            thread.setContextClassLoader(previous);
        }
        context.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() == Success$.MODULE$) {
                    finished.incrementAndGet();
                }
            }
        });
    }

    /**
     * The engine for {@code master} ({@code local[N]}, {@code local[*]}, {@code spark://host:port}), started on first
     * use and kept for the session. Spark allows one application per JVM, so asking for another master stops the
     * previous one.
     */
    public static synchronized SparkEngine connect(String master) {
        if (master == null || master.isBlank()) {
            throw new IllegalArgumentException("name a Spark master: \"local[*]\", \"local[2]\" or "
                    + "\"spark://host:7077\"");
        }
        if (current != null && current.master.equals(master) && !current.context.sc().isStopped()) {
            return current;
        }
        if (current != null) {
            current.stop();
        }
        current = new SparkEngine(master);
        return current;
    }

    /** Ends this engine's Spark application (its executors too). */
    public synchronized void stop() {
        context.stop();
    }

    /** How many cores the application has (executors' cores on a cluster, threads on a local master). */
    public int cores() {
        return context.defaultParallelism();
    }

    @Override
    public synchronized List<Map<String, ?>> runAll(List<Sweep.Point> points, Sweep.Experiment experiment,
            ProgressListener progress) {
        CellCode cells = Cells.code();
        cells.exportClasses(classes);
        byte[] shipment = Shipment.pack(experiment, cells.variablesReadBy(experiment));
        Shipment.checkParameters(points);
        String group = "neuromorph-sweep-" + ++sweeps;
        context.setJobGroup(group, points.size() + " sweep runs", true);
        finished.set(0);
        long started = System.nanoTime();
        JavaFutureAction<List<RunTask.Outcome>> job = context.parallelize(points, points.size())
                .map(new RunTask(context.sc().applicationId() + "/" + group, shipment))
                .collectAsync();
        int reported = 0;
        List<RunTask.Outcome> outcomes;
        try {
            while (true) {
                try {
                    outcomes = job.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    int done = Math.min(finished.get(), points.size() - 1);
                    if (done > reported && progress != null) {
                        progress.runs(done, points.size(), System.nanoTime() - started);
                        reported = done;
                    }
                }
            }
        } catch (InterruptedException e) {
            context.cancelJobGroup(group);
            Thread.currentThread().interrupt();
            throw Interrupts.stopped("the sweep on Spark (" + master + "), with " + finished.get() + " of "
                    + points.size() + " runs finished");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the sweep on Spark (" + master + ") failed: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            context.clearJobGroup();
        }
        if (progress != null) {
            progress.runs(points.size(), points.size(), System.nanoTime() - started);
        }
        List<Map<String, ?>> results = new ArrayList<>(points.size());
        for (RunTask.Outcome outcome : outcomes) {
            if (outcome.failure() != null) {
                Sweep.Point p = points.get(outcome.index());
                throw new IllegalStateException("sweep run " + p.index() + " " + p.parameters() + " failed on Spark ("
                        + master + "): " + outcome.failure());
            }
            results.add(outcome.result());
        }
        return results;
    }

    @Override
    public String toString() {
        return "Spark at " + master + " (" + cores() + " cores)";
    }

    private static boolean onLoopback(String master) {
        return master.contains("//127.") || master.contains("//localhost");
    }

    /**
     * The jars executors need for the library and this module: those the library's classes were loaded from (in
     * the kernel, its one jar). Spark's own are on the cluster already.
     */
    private static Set<String> libraryJars() {
        Set<String> jars = new LinkedHashSet<>();
        for (Class<?> type : List.of(Sweep.class, Interrupts.class, SparkEngine.class, kotlin.Unit.class,
                tech.tablesaw.api.Table.class)) {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                try {
                    File file = new File(source.getLocation().toURI());
                    if (file.isFile()) {
                        jars.add(file.getAbsolutePath());
                    }
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from ("
                            + source.getLocation() + "), to ship it to Spark's executors", e);
                }
            }
        }
        return jars;
    }
}
