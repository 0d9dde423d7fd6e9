package dev.candleflow.clickhouse;

import static dev.candleflow.clickhouse.ClickHouseSinkMetricsITCase.count;
import static dev.candleflow.clickhouse.ClickHouseSinkMetricsITCase.deadLetters;
import static dev.candleflow.clickhouse.ClickHouseSinkMetricsITCase.metric;
import static dev.candleflow.clickhouse.ClickHouseSinkMetricsITCase.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.ClickHouseServer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failed ClickHouse batches in the sink's metrics. A cluster of its own: when a batch fails, the
 * JDBC writer throws again as its failing task closes it, and the TaskManager exits on that
 * (deploy/README.md, {@code CandleflowNoTaskManagers}), so no other test could run on it after.
 */
@ExtendWith(ClickHouseExtension.class)
class ClickHouseSinkFailedBatchITCase {

    static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = ClickHouseSinkMetricsITCase.cluster(REPORTER);

    @Test
    void countsAndTimesEveryFailedAttempt(ClickHouseServer server) throws Exception {
        ClickHouseConnectionOptions opts = ClickHouseSinkITCase.options(server, "it_batch_fail");
        new SchemaMigrator(opts, Migrations.fromClasspath()).migrate();
        server.execute("DROP TABLE it_batch_fail.dead_letters");

        // One retry: the first batch fails twice and fails the job (no restarts).
        JobClient job =
                run(
                        ClickHouseSinks.deadLetters(
                                opts, new ClickHouseSinkOptions(3, Duration.ZERO, 1)),
                        deadLetters(3));
        assertThatThrownBy(() -> job.getJobExecutionResult().get())
                .isInstanceOf(ExecutionException.class);

        // The writer tries its pending batch again (with its retry) when the failed task closes
        // it, before the task reports its failure: more attempts than the two of the first flush.
        long failures = count(REPORTER, job, ClickHouseSinkMetrics.BATCH_FAILURES);
        assertThat(failures).isGreaterThanOrEqualTo(2);
        Histogram latency =
                metric(REPORTER, job, ClickHouseSinkMetrics.BATCH_LATENCY, Histogram.class);
        assertThat(latency.getCount()).as("one sample per attempt").isEqualTo(failures);
        assertThat(latency.getStatistics().getMin()).isPositive();
        assertThat(count(REPORTER, job, ClickHouseSinkMetrics.BATCHES)).isZero();
        assertThat(count(REPORTER, job, ClickHouseSinkMetrics.BATCH_ROWS)).isZero();
    }
}
