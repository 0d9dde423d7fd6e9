package dev.candleflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.cluster.FlinkRestClient.Checkpoints;
import dev.candleflow.cluster.FlinkRestClient.JarRun;
import dev.candleflow.cluster.testutils.Await;
import dev.candleflow.cluster.testutils.CandleRun;
import dev.candleflow.cluster.testutils.ClusterFixture;
import dev.candleflow.cluster.testutils.Repo;
import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.ClickHouseServer;
import dev.candleflow.local.KafkaExtension;
import dev.candleflow.local.KafkaServer;
import dev.candleflow.simulator.BinanceSimulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upgrade as an operator does it over REST: stop the running job with a savepoint ({@code POST
 * /jobs/<id>/stop}, no drain), change a setting that does not change the job graph ({@code
 * clickhouse.batch-interval}), run the same jar from the savepoint. The final candles still equal
 * the reference; trades published between stop and resume come from the REST backfill.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class})
class SavepointUpgradeITCase {

    private static final Logger LOG = LoggerFactory.getLogger(SavepointUpgradeITCase.class);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void anUpgradeThroughASavepointChangesNoFinalCandle(ClickHouseServer ch, KafkaServer kafka)
            throws Exception {
        long t0 = System.nanoTime();
        try (BinanceSimulator sim =
                        CandleRun.simulator(
                                TaskManagerKillITCase.EVENT_DURATION, TaskManagerKillITCase.SPEED);
                StandaloneCluster cluster = ClusterFixture.start(dir.resolve("flink"))) {
            FlinkRestClient rest = cluster.rest();
            CandleRun run = new CandleRun(sim, ch, kafka, "upgrade");
            String jar = rest.uploadJar(Repo.jobJar());
            String before =
                    rest.runJar(
                            jar,
                            new JarRun(
                                    run.programArgs(Map.of("clickhouse.batch-interval", "200 ms")),
                                    2,
                                    null));
            Await.until("job running", Duration.ofMinutes(2), () -> rest.isFullyRunning(before));
            // Every task RUNNING does not mean the source has subscribed: wait for the market open.
            long start =
                    sim.awaitEventStart(Duration.ofMinutes(1))
                            .orElseThrow(() -> new AssertionError("the market never opened"));
            Await.until(
                    "3 simulated minutes and 2 checkpoints",
                    Duration.ofMinutes(2),
                    () ->
                            sim.awaitEventTimeReached(start + 180_000, Duration.ZERO)
                                    && rest.checkpoints(before).completed() >= 2);

            long t1 = System.nanoTime();
            run.outageBegins();
            String savepoint =
                    rest.awaitSavepoint(
                            before, rest.stopWithSavepoint(before), Duration.ofMinutes(2));
            Await.until(
                    "stopped job finished",
                    Duration.ofMinutes(1),
                    () -> "FINISHED".equals(rest.jobState(before)));
            LOG.info("stopped with savepoint {} in {} ms", savepoint, millisSince(t1));
            assertThat(Path.of(URI.create(savepoint)).resolve("_metadata"))
                    .as("savepoint metadata")
                    .exists();
            assertThat(Path.of(URI.create(savepoint))).startsWith(cluster.savepointDir());

            String after =
                    rest.runJar(
                            jar,
                            new JarRun(
                                    run.programArgs(Map.of("clickhouse.batch-interval", "500 ms")),
                                    2,
                                    savepoint));
            Await.until(
                    "upgraded job running",
                    Duration.ofMinutes(2),
                    () -> rest.isFullyRunning(after));
            run.outageEnds();
            LOG.info("upgraded job running {} ms after the stop", millisSince(t1));
            Checkpoints restored = rest.checkpoints(after);
            assertThat(restored.restoredFromSavepoint()).as("restored from a savepoint").isTrue();
            assertThat(Path.of(URI.create(restored.restoredPath())))
                    .isEqualTo(Path.of(URI.create(savepoint)));

            assertThat(run.tradesPublishedDuringOutages())
                    .as("trades published between the stop and the resume")
                    .isPositive();
            assertThat(sim.awaitFinished(Duration.ofMinutes(3))).as("simulator finished").isTrue();
            run.assertStoresEqualReference(Duration.ofMinutes(2));
            run.assertEveryTradeStoredOnce();
            assertThat(Files.list(cluster.savepointDir()).count()).isEqualTo(1);
            rest.cancel(after);
        }
        LOG.info("test done in {} ms", millisSince(t0));
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
