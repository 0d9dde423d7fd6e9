package dev.candleflow.clickhouse;

import java.util.concurrent.TimeUnit;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The batch metrics of one ClickHouse sink writer, in the subgroup {@value #GROUP} of its writer
 * metric group: Prometheus sees {@code
 * flink_taskmanager_job_task_operator_clickhouse_batchLatencyMs{quantile="0.99",operator_name=...}}
 * and {@code ..._batchLatencyMs_count}, and the counters as {@code ..._clickhouse_batches} etc.
 *
 * <p>A batch is one {@code executeBatch} call, the INSERT that reaches ClickHouse. A failed attempt
 * counts in {@value #BATCH_FAILURES} and its time in the histogram too (a timeout is latency the
 * job waited for); the sink's retries are attempts of their own.
 */
final class ClickHouseSinkMetrics {

    static final String GROUP = "clickhouse";
    static final String BATCH_LATENCY = "batchLatencyMs";
    static final String BATCHES = "batches";
    static final String BATCH_ROWS = "batchRowsTotal";
    static final String BATCH_FAILURES = "batchFailures";

    /**
     * Quantiles over the latest batches only: at the sink's cadence of about one batch a second
     * (STYLE §8) this is the last ten minutes, so the p99 follows a slow ClickHouse and recovers.
     */
    static final int HISTOGRAM_WINDOW = 600;

    private final Histogram latency;
    private final Counter batches;
    private final Counter rows;
    private final Counter failures;

    private ClickHouseSinkMetrics(MetricGroup group) {
        // The sink flushes from the task thread and from its batch-interval timer thread.
        this.latency =
                group.histogram(
                        BATCH_LATENCY, new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        this.batches = group.counter(BATCHES, new ThreadSafeSimpleCounter());
        this.rows = group.counter(BATCH_ROWS, new ThreadSafeSimpleCounter());
        this.failures = group.counter(BATCH_FAILURES, new ThreadSafeSimpleCounter());
    }

    /** Registers the metrics under {@code writerGroup.clickhouse}. */
    static ClickHouseSinkMetrics register(MetricGroup writerGroup) {
        return new ClickHouseSinkMetrics(writerGroup.addGroup(GROUP));
    }

    void batchSucceeded(long rowCount, long elapsedNanos) {
        latency.update(toMillis(elapsedNanos));
        batches.inc();
        rows.inc(rowCount);
    }

    void batchFailed(long elapsedNanos) {
        latency.update(toMillis(elapsedNanos));
        failures.inc();
    }

    /** Whole milliseconds rounded up, so a sub-millisecond insert shows as 1 rather than 0. */
    static long toMillis(long elapsedNanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(Math.max(0, elapsedNanos));
        return TimeUnit.MILLISECONDS.toNanos(millis) < elapsedNanos ? millis + 1 : millis;
    }
}
