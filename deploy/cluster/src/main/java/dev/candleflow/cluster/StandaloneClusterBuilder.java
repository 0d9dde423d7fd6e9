package dev.candleflow.cluster;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builder of {@link StandaloneCluster}; {@link #build()} validates the settings and fails naming
 * the bad one.
 */
public final class StandaloneClusterBuilder {

    private Path libDir;
    private Path workDir;
    private int restPort;
    private int rpcPort;
    private int metricsPort;
    private int taskManagers = 1;
    private int slotsPerTaskManager = 2;
    private boolean detached;
    private Duration startTimeout = Duration.ofMinutes(2);
    private final Map<String, String> settings = new LinkedHashMap<>();

    StandaloneClusterBuilder() {}

    /** The Flink jars ({@code deploy/flink/target/lib}); required. */
    public StandaloneClusterBuilder libDir(Path libDir) {
        this.libDir = requireNonNull(libDir, "libDir");
        return this;
    }

    /** Conf, logs, checkpoints, savepoints and uploads go here; required. */
    public StandaloneClusterBuilder workDir(Path workDir) {
        this.workDir = requireNonNull(workDir, "workDir");
        return this;
    }

    /** REST API and Web UI port; 0 (the default) takes a free one. */
    public StandaloneClusterBuilder restPort(int restPort) {
        this.restPort = restPort;
        return this;
    }

    /** JobManager RPC port; 0 (the default) takes a free one. */
    public StandaloneClusterBuilder rpcPort(int rpcPort) {
        this.rpcPort = rpcPort;
        return this;
    }

    /**
     * Prometheus port of the JobManager; TaskManager n (from 1) gets this + n. 0 (the default)
     * takes a free port for each JVM.
     */
    public StandaloneClusterBuilder metricsPort(int metricsPort) {
        this.metricsPort = metricsPort;
        return this;
    }

    /** TaskManagers started by {@link StandaloneCluster#start()} (default 1). */
    public StandaloneClusterBuilder taskManagers(int taskManagers) {
        this.taskManagers = taskManagers;
        return this;
    }

    public StandaloneClusterBuilder slotsPerTaskManager(int slotsPerTaskManager) {
        this.slotsPerTaskManager = slotsPerTaskManager;
        return this;
    }

    /** Any other Flink setting, e.g. {@code heartbeat.interval}; overrides the template. */
    public StandaloneClusterBuilder set(String key, String value) {
        settings.put(requireNonNull(key, "key"), requireNonNull(value, key));
        return this;
    }

    /**
     * Detached JVMs outlive this one (the {@code cluster.sh} case) and are stopped by pid; attached
     * ones (the default, for tests) stop when this JVM ends, even if it is killed.
     */
    public StandaloneClusterBuilder detached(boolean detached) {
        this.detached = detached;
        return this;
    }

    /** How long start-up may take, per JVM (default 2 min). */
    public StandaloneClusterBuilder startTimeout(Duration startTimeout) {
        this.startTimeout = requireNonNull(startTimeout, "startTimeout");
        return this;
    }

    public StandaloneCluster build() {
        return new StandaloneCluster(sanityCheck());
    }

    ClusterSpec sanityCheck() {
        requireNonNull(libDir, "libDir is required but not provided.");
        requireNonNull(workDir, "workDir is required but not provided.");
        if (!Files.isRegularFile(
                libDir.resolve("flink-runtime-" + flinkVersion(libDir) + ".jar"))) {
            throw new IllegalArgumentException(
                    "libDir "
                            + libDir
                            + " holds no flink-runtime jar; build it with: mvn -B -q -f"
                            + " deploy/flink/pom.xml dependency:copy-dependencies@flink-lib");
        }
        for (int port : new int[] {restPort, rpcPort, metricsPort}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
        if (taskManagers < 0 || slotsPerTaskManager < 1) {
            throw new IllegalArgumentException(
                    "taskManagers must be >= 0 and slotsPerTaskManager >= 1, were "
                            + taskManagers
                            + " and "
                            + slotsPerTaskManager);
        }
        return new ClusterSpec(
                libDir.toAbsolutePath().normalize(),
                workDir.toAbsolutePath().normalize(),
                restPort,
                rpcPort,
                metricsPort,
                taskManagers,
                slotsPerTaskManager,
                detached,
                startTimeout,
                Map.copyOf(settings));
    }

    /** The version in the lib's flink-runtime jar name, e.g. 2.2.1. */
    static String flinkVersion(Path libDir) {
        try (var files = Files.list(libDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("flink-runtime-[0-9][0-9.]*\\.jar"))
                    .map(n -> n.substring("flink-runtime-".length(), n.length() - 4))
                    .findFirst()
                    .orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** The validated settings of one cluster. */
    record ClusterSpec(
            Path libDir,
            Path workDir,
            int restPort,
            int rpcPort,
            int metricsPort,
            int taskManagers,
            int slotsPerTaskManager,
            boolean detached,
            Duration startTimeout,
            Map<String, String> settings) {}
}
