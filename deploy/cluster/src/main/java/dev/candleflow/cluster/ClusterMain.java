package dev.candleflow.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code deploy/local/cluster.sh}'s back end: starts a detached {@link StandaloneCluster} (its JVMs
 * outlive this one), records their pids in {@code <work dir>/cluster.state}, and stops or reports
 * exactly those JVMs later.
 *
 * <pre>{@code
 * ClusterMain start --work-dir DIR --lib deploy/flink/target/lib [--rest-port 8081]
 *     [--rpc-port 6123] [--metrics-port 9249] [--taskmanagers 1] [--slots 2] [--set key=value]...
 * ClusterMain stop --work-dir DIR        # exit 0
 * ClusterMain status --work-dir DIR      # exit 0 running, 1 unhealthy, 3 not running
 * }</pre>
 */
public final class ClusterMain {

    static final String STATE_FILE = "cluster.state";
    static final int NOT_RUNNING = 3;

    private ClusterMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, List<String>> opts = options(List.of(args).subList(1, args.length));
        Path workDir = Path.of(single(opts, "work-dir", null)).toAbsolutePath().normalize();
        int code =
                switch (args[0]) {
                    case "start" -> start(workDir, opts);
                    case "stop" -> stop(workDir);
                    case "status" -> status(workDir);
                    default -> usage();
                };
        System.exit(code);
    }

    static int start(Path workDir, Map<String, List<String>> opts) throws IOException {
        if (recordedPids(workDir).values().stream()
                .anyMatch(pid -> ours(pid, workDir).isPresent())) {
            System.out.println("[flink] already running; status:");
            return status(workDir);
        }
        StandaloneClusterBuilder builder =
                StandaloneCluster.builder()
                        .detached(true)
                        .workDir(workDir)
                        .libDir(Path.of(single(opts, "lib", null)))
                        .restPort(Integer.parseInt(single(opts, "rest-port", "8081")))
                        .rpcPort(Integer.parseInt(single(opts, "rpc-port", "6123")))
                        .metricsPort(Integer.parseInt(single(opts, "metrics-port", "9249")))
                        .taskManagers(Integer.parseInt(single(opts, "taskmanagers", "1")))
                        .slotsPerTaskManager(Integer.parseInt(single(opts, "slots", "2")));
        for (String kv : opts.getOrDefault("set", List.of())) {
            int eq = kv.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--set takes key=value, got '" + kv + "'");
            }
            builder.set(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
        }
        StandaloneCluster cluster = builder.build().start();
        Properties state = new Properties();
        state.setProperty("rest", cluster.restUri().toString());
        cluster.pids().forEach((id, pid) -> state.setProperty("pid." + id, Long.toString(pid)));
        cluster.pids()
                .keySet()
                .forEach(
                        id ->
                                state.setProperty(
                                        "metrics." + id, cluster.metricsUri(id).toString()));
        try (Writer w = Files.newBufferedWriter(workDir.resolve(STATE_FILE))) {
            state.store(w, "deploy/local/cluster.sh: the JVMs of this cluster");
        }
        System.out.println("[flink] Web UI and REST: " + cluster.restUri());
        cluster.pids()
                .forEach(
                        (id, pid) ->
                                System.out.println(
                                        "[flink] "
                                                + id
                                                + " pid "
                                                + pid
                                                + ", metrics "
                                                + cluster.metricsUri(id)));
        System.out.println("[flink] conf " + cluster.confDir() + ", logs " + cluster.logDir());
        System.out.println(
                "[flink] checkpoints "
                        + cluster.checkpointDir()
                        + ", savepoints "
                        + cluster.savepointDir());
        return 0;
    }

    static int stop(Path workDir) throws IOException {
        Map<String, Long> pids = recordedPids(workDir);
        List<String> ids = new ArrayList<>(pids.keySet());
        java.util.Collections.reverse(ids); // TaskManagers first, the JobManager last
        for (String id : ids) {
            Optional<ProcessHandle> p = ours(pids.get(id), workDir);
            if (p.isPresent()) {
                p.get().destroy();
                boolean gone = awaitExit(p.get(), 20_000);
                if (!gone) {
                    p.get().destroyForcibly();
                    awaitExit(p.get(), 10_000);
                }
                System.out.println(
                        "[flink] stopped "
                                + id
                                + " (pid "
                                + pids.get(id)
                                + (gone ? ")" : ", killed)"));
            }
        }
        Files.deleteIfExists(workDir.resolve(STATE_FILE));
        if (ids.isEmpty()) {
            System.out.println("[flink] not running");
        }
        return 0;
    }

    static int status(Path workDir) throws IOException {
        Map<String, Long> pids = recordedPids(workDir);
        boolean alive = pids.values().stream().anyMatch(pid -> ours(pid, workDir).isPresent());
        if (!alive) {
            System.out.println("[flink] not running");
            return NOT_RUNNING;
        }
        Properties state = load(workDir);
        try {
            JsonNode o = new FlinkRestClient(URI.create(state.getProperty("rest"))).overview();
            System.out.printf(
                    "[flink] running at %s: Flink %s, %d TaskManager(s), %d/%d slots free, %d"
                            + " job(s) running%n",
                    state.getProperty("rest"),
                    o.path("flink-version").asText(),
                    o.path("taskmanagers").asInt(),
                    o.path("slots-available").asInt(),
                    o.path("slots-total").asInt(),
                    o.path("jobs-running").asInt());
            return 0;
        } catch (IOException e) {
            System.out.println(
                    "[flink] JVMs alive but the REST API does not answer: " + e.getMessage());
            return 1;
        }
    }

    /** The process {@code pid} if it is alive and is one of this work dir's Flink JVMs. */
    static Optional<ProcessHandle> ours(Long pid, Path workDir) {
        if (pid == null) {
            return Optional.empty();
        }
        String marker = "--configDir " + workDir.resolve("conf");
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
    }

    private static Map<String, Long> recordedPids(Path workDir) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        Properties state = load(workDir);
        List<String> keys = new ArrayList<>(state.stringPropertyNames());
        keys.sort(
                (a, b) ->
                        a.equals("pid.jobmanager")
                                ? -1
                                : b.equals("pid.jobmanager") ? 1 : a.compareTo(b));
        for (String key : keys) {
            if (key.startsWith("pid.")) {
                out.put(key.substring(4), Long.parseLong(state.getProperty(key)));
            }
        }
        return out;
    }

    private static Properties load(Path workDir) throws IOException {
        Properties state = new Properties();
        Path file = workDir.resolve(STATE_FILE);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                state.load(r);
            }
        }
        return state;
    }

    private static boolean awaitExit(ProcessHandle p, long millis) {
        try {
            p.onExit().get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    static Map<String, List<String>> options(List<String> args) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("Expected --option value, got '" + a + "'");
            }
            out.computeIfAbsent(a.substring(2), k -> new ArrayList<>()).add(args.get(++i));
        }
        return out;
    }

    private static String single(Map<String, List<String>> opts, String key, String fallback) {
        List<String> values = opts.get(key);
        if (values == null || values.isEmpty()) {
            if (fallback == null) {
                throw new IllegalArgumentException("--" + key + " is required");
            }
            return fallback;
        }
        return values.get(values.size() - 1);
    }

    private static int usage() {
        System.err.println("usage: ClusterMain start|stop|status --work-dir DIR [--lib DIR] ...");
        System.exit(2);
        return 2;
    }
}
