package dev.candleflow.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.ClickHouseServer;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.Venue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.groups.AbstractMetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ClickHouse sink's batch metrics as a TaskManager's reporters see them, from a job writing
 * into a real ClickHouse (chDB) server.
 */
@ExtendWith(ClickHouseExtension.class)
class ClickHouseSinkMetricsITCase {

    /** Keeps the metrics of finished jobs, so they can be read after the job ends. */
    static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension static final MiniClusterExtension FLINK = cluster(REPORTER);

    /** One TaskManager with one slot, reporting to {@code reporter}. */
    static MiniClusterExtension cluster(InMemoryReporter reporter) {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(1)
                        .setConfiguration(reporter.addToConfiguration(new Configuration()))
                        .build());
    }

    @Test
    void timesEveryBatchAndCountsItsRows(ClickHouseServer server) throws Exception {
        ClickHouseConnectionOptions opts = ClickHouseSinkITCase.options(server, "it_batches");
        new SchemaMigrator(opts, Migrations.fromClasspath()).migrate();

        // 7 rows in batches of 3 and no timer: two full batches, then 1 row at the end of input.
        JobClient job =
                run(
                        ClickHouseSinks.deadLetters(
                                opts, new ClickHouseSinkOptions(3, Duration.ZERO, 0)),
                        deadLetters(7));
        job.getJobExecutionResult().get();

        Histogram latency =
                metric(REPORTER, job, ClickHouseSinkMetrics.BATCH_LATENCY, Histogram.class);
        assertThat(latency.getCount()).as("one sample per batch").isEqualTo(3);
        assertThat(latency.getStatistics().getMin()).as("every batch took time").isPositive();
        assertThat(prometheusName(latency))
                .as("the name the dashboard queries")
                .isEqualTo("flink_taskmanager_job_task_operator_clickhouse_batchLatencyMs");
        assertThat(count(REPORTER, job, ClickHouseSinkMetrics.BATCHES)).isEqualTo(3);
        assertThat(count(REPORTER, job, ClickHouseSinkMetrics.BATCH_ROWS)).isEqualTo(7);
        assertThat(count(REPORTER, job, ClickHouseSinkMetrics.BATCH_FAILURES)).isZero();
        assertThat(server.execute("SELECT count() FROM it_batches.dead_letters").strip())
                .isEqualTo("7");
    }

    /** What Flink's Prometheus reporter calls a metric: flink_, its logical scope, its name. */
    private static String prometheusName(Metric metric) {
        for (Map.Entry<MetricGroup, Map<String, Metric>> group :
                REPORTER.getMetricsByGroup().entrySet()) {
            for (Map.Entry<String, Metric> m : group.getValue().entrySet()) {
                if (m.getValue() == metric) {
                    // The reporter hands the runtime's own group, as the Prometheus reporter sees
                    // it.
                    AbstractMetricGroup<?> scope = (AbstractMetricGroup<?>) group.getKey();
                    return "flink_" + scope.getLogicalScope(name -> name, '_') + "_" + m.getKey();
                }
            }
        }
        throw new AssertionError("not reported: " + metric);
    }

    static JobClient run(ClickHouseSink<DeadLetter> sink, List<DeadLetter> rows) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration c = new Configuration();
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        c.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(c);
        env.setParallelism(1);
        env.fromData(rows).sinkTo(sink).name("dead-letters-sink");
        return env.executeAsync("clickhouse-sink-metrics-it");
    }

    /** Rows received now: dead letters have no TTL, but recent rows are the realistic case. */
    static List<DeadLetter> deadLetters(int n) {
        long now = System.currentTimeMillis() * 1000L;
        return IntStream.range(0, n)
                .mapToObj(
                        i -> new DeadLetter(Venue.BINANCE, "metrics_it", "row " + i, "{}", now + i))
                .toList();
    }

    static long count(InMemoryReporter reporter, JobClient job, String name) {
        return metric(reporter, job, name, Counter.class).getCount();
    }

    /** The one metric of the job's single writer in the {@code clickhouse} group. */
    static <M extends Metric> M metric(
            InMemoryReporter reporter, JobClient job, String name, Class<M> type) {
        String suffix = "." + ClickHouseSinkMetrics.GROUP + "." + name;
        List<Metric> found =
                reporter.getMetricsByIdentifiers(job.getJobID()).entrySet().stream()
                        .filter(e -> e.getKey().endsWith(suffix))
                        .map(Map.Entry::getValue)
                        .toList();
        assertThat(found).as("metrics named *" + suffix).hasSize(1);
        return type.cast(found.get(0));
    }
}
