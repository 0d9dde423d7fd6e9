package dev.candleflow.cluster.testutils;

import dev.candleflow.cluster.StandaloneCluster;
import java.io.IOException;
import java.nio.file.Path;

/** The standalone cluster the end-to-end tests run on: small JVMs, quick failure detection. */
public final class ClusterFixture {

    private ClusterFixture() {}

    /** A cluster with one TaskManager of two slots, on free ports, under {@code dir}. */
    public static StandaloneCluster start(Path dir) throws IOException {
        return StandaloneCluster.builder()
                .libDir(Repo.flinkLib())
                .workDir(dir)
                .taskManagers(1)
                .slotsPerTaskManager(2)
                // A SIGKILLed TaskManager refuses connections: two failed 1 s heartbeats find it.
                .set("heartbeat.interval", "1 s")
                .set("heartbeat.timeout", "20 s")
                .set("restart-strategy.exponential-delay.initial-backoff", "500 ms")
                .set("restart-strategy.exponential-delay.max-backoff", "5 s")
                .build()
                .start();
    }
}
