package dev.candleflow.cluster;

import dev.candleflow.cluster.StandaloneClusterBuilder.ClusterSpec;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Flink standalone session cluster on 127.0.0.1: one JobManager JVM and TaskManager JVMs run
 * from the Maven-resolved Flink jars (no flink-dist), configured from {@code deploy/flink/conf}.
 * TaskManagers can be killed (SIGKILL) and started again; {@link #close()} stops exactly the JVMs
 * this instance started.
 *
 * <pre>{@code
 * try (StandaloneCluster cluster = StandaloneCluster.builder()
 *         .libDir(Path.of("deploy/flink/target/lib")).workDir(dir).build().start()) {
 *     FlinkRestClient rest = cluster.rest();   // http://127.0.0.1:<free port>
 *     String job = rest.runJar(rest.uploadJar(jobJar), new JarRun(args, 2, null));
 *     cluster.killTaskManager(cluster.taskManagerIds().get(0));
 *     cluster.startTaskManager();
 * }
 * }</pre>
 */
public final class StandaloneCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneCluster.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    static final String JOB_MANAGER = "jobmanager";
    static final String JM_MAIN =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TM_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

    private final ClusterSpec spec;
    private final ClusterLayout layout;
    private final Map<String, FlinkProcess> processes = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::close, "standalone-cluster-stop");
    private ResourceParams taskManagerParams;
    private FlinkRestClient rest;
    private int taskManagerCount;

    StandaloneCluster(ClusterSpec spec) {
        this.spec = spec;
        this.layout = new ClusterLayout(spec.workDir());
    }

    public static StandaloneClusterBuilder builder() {
        return new StandaloneClusterBuilder();
    }

    /**
     * Writes the configuration, starts the JobManager and waits for its REST API, then starts the
     * TaskManagers and waits until each has registered. On failure everything started is stopped.
     *
     * @return this, for try-with-resources chaining
     */
    public synchronized StandaloneCluster start() throws IOException {
        long started = System.nanoTime();
        if (!spec.detached()) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        try {
            int restPort = layout.writeConfig(spec);
            rest = new FlinkRestClient(URI.create("http://" + Ports.HOST + ":" + restPort));
            CompletableFuture<ResourceParams> tmParams =
                    CompletableFuture.supplyAsync(() -> params(ResourceParams.Kind.TASK_MANAGER));
            ResourceParams jmParams = params(ResourceParams.Kind.JOB_MANAGER);
            FlinkProcess jm = launch(JOB_MANAGER, JM_MAIN, jmParams, metricsPort(0));
            await(jm, () -> rest.overview() != null);
            taskManagerParams = tmParams.join();
            List<FlinkProcess> tms = new ArrayList<>();
            for (int i = 0; i < spec.taskManagers(); i++) {
                tms.add(launchTaskManager());
            }
            for (FlinkProcess tm : tms) {
                await(tm, () -> rest.taskManagerIds().contains(tm.id()));
            }
        } catch (CompletionException e) {
            close();
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        LOG.info(
                "Flink cluster ready in {} ms: {} with {} TaskManager(s), work dir {}",
                (System.nanoTime() - started) / 1_000_000,
                rest.base(),
                spec.taskManagers(),
                spec.workDir());
        return this;
    }

    /** Starts one more TaskManager and waits until it has registered; returns its resource id. */
    public synchronized String startTaskManager() throws IOException {
        FlinkProcess tm = launchTaskManager();
        await(tm, () -> rest.taskManagerIds().contains(tm.id()));
        return tm.id();
    }

    /**
     * Kills a TaskManager JVM with SIGKILL, as a lost machine would, and waits until it is gone.
     */
    public synchronized void killTaskManager(String id) {
        process(id).kill();
    }

    /** Stops a TaskManager JVM with SIGTERM (a clean shutdown). */
    public synchronized void stopTaskManager(String id) {
        process(id).stop(STOP_GRACE);
    }

    /** Resource ids of the TaskManagers this instance started that are still alive. */
    public synchronized List<String> taskManagerIds() {
        return processes.values().stream()
                .filter(p -> !p.id().equals(JOB_MANAGER) && p.isAlive())
                .map(FlinkProcess::id)
                .toList();
    }

    /** {@code http://127.0.0.1:<rest port>}: the REST API and the Web UI. */
    public URI restUri() {
        return rest().base();
    }

    public FlinkRestClient rest() {
        if (rest == null) {
            throw new IllegalStateException("cluster not started");
        }
        return rest;
    }

    /** The Prometheus endpoint of {@code jobmanager} or a TaskManager id. */
    public synchronized URI metricsUri(String id) {
        return URI.create("http://" + Ports.HOST + ":" + process(id).metricsPort() + "/metrics");
    }

    /** Pid of each JVM this instance started and that is still alive, JobManager first. */
    public synchronized Map<String, Long> pids() {
        Map<String, Long> out = new LinkedHashMap<>();
        processes.values().stream()
                .filter(FlinkProcess::isAlive)
                .forEach(p -> out.put(p.id(), p.pid()));
        return out;
    }

    public Path workDir() {
        return spec.workDir();
    }

    public Path confDir() {
        return layout.confDir();
    }

    public Path logDir() {
        return layout.logDir();
    }

    public Path checkpointDir() {
        return layout.checkpointDir();
    }

    public Path savepointDir() {
        return layout.savepointDir();
    }

    /** Stops the TaskManagers, then the JobManager, this instance started. Idempotent. */
    @Override
    public synchronized void close() {
        List<FlinkProcess> all = new ArrayList<>(processes.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).stop(STOP_GRACE);
        }
        if (!spec.detached()) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: this is the hook running
            }
        }
    }

    // ---- launching ---------------------------------------------------------------------------

    private FlinkProcess launchTaskManager() throws IOException {
        taskManagerCount++;
        String id = "taskmanager-" + taskManagerCount;
        return launch(id, TM_MAIN, taskManagerParams, metricsPort(taskManagerCount));
    }

    private FlinkProcess launch(String id, String mainClass, ResourceParams params, int metricsPort)
            throws IOException {
        FlinkJvmCommand command =
                new FlinkJvmCommand(
                        spec.libDir(), layout.confDir(), layout.logDir(), !spec.detached());
        FlinkProcess p =
                FlinkProcess.start(
                        id,
                        command.build(id, mainClass, params, metricsPort),
                        spec.workDir(),
                        layout.logDir().resolve(id + ".out"),
                        layout.logDir().resolve(id + ".log"),
                        metricsPort,
                        !spec.detached());
        processes.put(id, p);
        return p;
    }

    private ResourceParams params(ResourceParams.Kind kind) {
        try {
            return ResourceParams.compute(
                    kind,
                    FlinkJvmCommand.javaExecutable(),
                    FlinkJvmCommand.classpath(spec.libDir(), false),
                    layout.confDir());
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private int metricsPort(int index) {
        return spec.metricsPort() == 0 ? Ports.free() : spec.metricsPort() + index;
    }

    private FlinkProcess process(String id) {
        FlinkProcess p = processes.get(id);
        if (p == null) {
            throw new IllegalArgumentException("No JVM '" + id + "' in " + processes.keySet());
        }
        return p;
    }

    /** A readiness check that may throw while the JVM is still starting. */
    private interface Probe {
        boolean ready() throws Exception;
    }

    private void await(FlinkProcess p, Probe probe) throws IOException {
        long deadline = System.nanoTime() + spec.startTimeout().toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException(
                        "Flink " + p.id() + " exited while starting: " + p.describe());
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (InterruptedIOException e) {
                throw e;
            } catch (Exception e) {
                last = e; // not up yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while starting " + p.id());
            }
        }
        throw new IOException(
                "Flink "
                        + p.id()
                        + " not ready within "
                        + spec.startTimeout()
                        + ": "
                        + p.describe(),
                last);
    }
}
