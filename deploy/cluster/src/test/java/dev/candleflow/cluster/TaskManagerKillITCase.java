package dev.candleflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.cluster.FlinkRestClient.JarRun;
import dev.candleflow.cluster.testutils.Await;
import dev.candleflow.cluster.testutils.CandleRun;
import dev.candleflow.cluster.testutils.ClusterFixture;
import dev.candleflow.cluster.testutils.DashboardMetrics;
import dev.candleflow.cluster.testutils.PrometheusText;
import dev.candleflow.cluster.testutils.Repo;
import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.ClickHouseServer;
import dev.candleflow.local.KafkaExtension;
import dev.candleflow.local.KafkaServer;
import dev.candleflow.simulator.BinanceSimulator;
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
 * The shaded job jar submitted over REST to a real standalone cluster; mid-run the TaskManager JVM
 * is killed with SIGKILL and a new one started. The job restarts from its last checkpoint and the
 * final candles in ClickHouse (FINAL) and Kafka (read_committed) still equal the reference of the
 * published trades: trades published while no TaskManager ran come from the venue's REST backfill.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class})
class TaskManagerKillITCase {

    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerKillITCase.class);

    /** Ten minutes of market at 10x: a minute of wall time. */
    static final Duration EVENT_DURATION = Duration.ofMinutes(10);

    static final double SPEED = 10;

    /** How long no TaskManager runs: 100 s of market, about 1,200 trades to backfill. */
    static final Duration OUTAGE = Duration.ofSeconds(10);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void aKilledTaskManagerChangesNoFinalCandle(ClickHouseServer ch, KafkaServer kafka)
            throws Exception {
        long t0 = System.nanoTime();
        try (BinanceSimulator sim = CandleRun.simulator(EVENT_DURATION, SPEED);
                StandaloneCluster cluster = ClusterFixture.start(dir.resolve("flink"))) {
            LOG.info("cluster started in {} ms", millisSince(t0));
            FlinkRestClient rest = cluster.rest();
            CandleRun run = new CandleRun(sim, ch, kafka, "tmkill");

            long t1 = System.nanoTime();
            String jar = rest.uploadJar(Repo.jobJar());
            String job = rest.runJar(jar, new JarRun(run.programArgs(Map.of()), 2, null));
            Await.until(
                    "job " + job + " running",
                    Duration.ofMinutes(2),
                    () -> rest.isFullyRunning(job));
            LOG.info("job submitted and running in {} ms", millisSince(t1));

            // Every task RUNNING does not mean the source has subscribed: wait for the market open.
            long start =
                    sim.awaitEventStart(Duration.ofMinutes(1))
                            .orElseThrow(() -> new AssertionError("the market never opened"));
            Await.until(
                    "3 simulated minutes and 2 checkpoints",
                    Duration.ofMinutes(2),
                    () ->
                            sim.awaitEventTimeReached(start + 180_000, Duration.ZERO)
                                    && rest.checkpoints(job).completed() >= 2);

            String lost = cluster.taskManagerIds().get(0);
            long t2 = System.nanoTime();
            run.outageBegins();
            cluster.killTaskManager(lost);
            // A lost machine is not replaced at once: a fixed outage, whatever the machine's speed.
            Thread.sleep(OUTAGE.toMillis());
            String replacement = cluster.startTaskManager();
            LOG.info("{} killed, {} registered after {} ms", lost, replacement, millisSince(t2));
            Await.until(
                    "job restored from a checkpoint and running",
                    Duration.ofMinutes(2),
                    () -> rest.checkpoints(job).restored() && rest.isFullyRunning(job));
            run.outageEnds();
            LOG.info("job running again {} ms after the kill", millisSince(t2));
            long restored = rest.checkpoints(job).restoredId();
            Await.until(
                    "a checkpoint after the restore",
                    Duration.ofMinutes(1),
                    () -> rest.checkpoints(job).lastCompletedId() > restored);
            LOG.info("first checkpoint after the restore {} ms after the kill", millisSince(t2));

            assertThat(sim.awaitFinished(Duration.ofMinutes(3))).as("simulator finished").isTrue();
            long t3 = System.nanoTime();
            run.assertStoresEqualReference(Duration.ofMinutes(2));
            run.assertEveryTradeStoredOnce();
            LOG.info("stores complete {} ms after the market closed", millisSince(t3));

            assertThat(rest.jobMetric(job, "numRestarts").map(Long::parseLong).orElse(0L))
                    .as("restarts")
                    .isGreaterThanOrEqualTo(1);
            assertThat(rest.failures(job)).as("failure history").isNotEmpty();
            assertThat(run.tradesPublishedDuringOutages())
                    .as("trades published while no TaskManager ran")
                    .isPositive();
            String tmMetrics = PrometheusText.scrape(cluster.metricsUri(replacement));
            assertThat(
                            PrometheusText.sum(
                                    tmMetrics,
                                    "flink_taskmanager_job_task_operator_venue_split_tradesBackfilled"))
                    .as("trades the restored source backfilled over REST")
                    .isPositive();
            DashboardMetrics.assertExposed(
                    cluster.metricsUri(StandaloneCluster.JOB_MANAGER),
                    cluster.metricsUri(replacement));
            rest.cancel(job);
        }
        LOG.info("test done in {} ms", millisSince(t0));
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
