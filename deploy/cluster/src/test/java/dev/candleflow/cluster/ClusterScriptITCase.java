package dev.candleflow.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.cluster.testutils.PrometheusText;
import dev.candleflow.cluster.testutils.Repo;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/local/cluster.sh as people use it: start, status, Flink's CLI against the cluster, stop;
 * stop ends exactly the JVMs start recorded.
 */
class ClusterScriptITCase {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    /** What a script run printed and returned. */
    record Run(int code, String output) {}

    @Test
    void startStatusCliAndStop() throws Exception {
        int rest = Ports.free();
        int metrics = freePair();
        Map<String, String> env =
                Map.of(
                        "CANDLEFLOW_FLINK_DIR", dir.toString(),
                        "CANDLEFLOW_FLINK_REST_PORT", Integer.toString(rest),
                        "CANDLEFLOW_FLINK_RPC_PORT", Integer.toString(Ports.free()),
                        "CANDLEFLOW_FLINK_METRICS_PORT", Integer.toString(metrics));
        List<Long> pids = new ArrayList<>();
        try {
            Run start = run(env, "start");
            assertThat(start.code()).as(start.output()).isZero();
            assertThat(start.output()).contains("Web UI and REST: http://127.0.0.1:" + rest);
            Properties state = new Properties();
            try (Reader r = Files.newBufferedReader(dir.resolve(ClusterMain.STATE_FILE))) {
                state.load(r);
            }
            pids.add(Long.parseLong(state.getProperty("pid.jobmanager")));
            pids.add(Long.parseLong(state.getProperty("pid.taskmanager-1")));

            Run status = run(env, "status");
            assertThat(status.code()).as(status.output()).isZero();
            assertThat(status.output()).contains("1 TaskManager(s), 2/2 slots free");
            assertThat(
                            PrometheusText.names(
                                    PrometheusText.scrape(
                                            URI.create(
                                                    "http://127.0.0.1:"
                                                            + (metrics + 1)
                                                            + "/metrics"))))
                    .contains("flink_taskmanager_Status_JVM_CPU_Load");

            Run list = run(env, "flink", "list");
            assertThat(list.code()).as(list.output()).isZero();
            assertThat(list.output()).contains("No running jobs");
        } finally {
            Run stop = run(env, "stop");
            assertThat(stop.code()).as(stop.output()).isZero();
        }
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("pid " + pid)
                    .isFalse();
        }
        assertThat(run(env, "status").code()).isEqualTo(ClusterMain.NOT_RUNNING);
    }

    static Run run(Map<String, String> env, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("bash", Repo.file("deploy/local/cluster.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(
                    "cluster.sh " + String.join(" ", args) + " did not end:\n" + out);
        }
        return new Run(p.exitValue(), out);
    }

    /** A port p with p + 1 free too (the JobManager's and the first TaskManager's metrics). */
    static int freePair() {
        for (int i = 0; i < 50; i++) {
            int p = Ports.free();
            if (p < 65535 && Ports.isFree(p + 1)) {
                return p;
            }
        }
        throw new IllegalStateException("no two adjacent free ports");
    }
}
