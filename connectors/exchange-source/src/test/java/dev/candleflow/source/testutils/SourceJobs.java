package dev.candleflow.source.testutils;

import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.Trade;
import dev.candleflow.source.ExchangeSource;
import dev.candleflow.source.ExchangeSourceOptions;
import dev.candleflow.source.FeedEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the source into a {@link CollectingSink} on the test's MiniCluster, and reads results. */
public final class SourceJobs {

    private SourceJobs() {}

    /** Source options for tests against the simulator: fast retries, generous venue limits. */
    public static Configuration fastOptions(int instrumentsPerConnection) {
        Configuration o = new Configuration();
        o.set(ExchangeSourceOptions.MAX_INSTRUMENTS_PER_CONNECTION, instrumentsPerConnection);
        o.set(ExchangeSourceOptions.RECONNECT_INITIAL_BACKOFF, Duration.ofMillis(100));
        o.set(ExchangeSourceOptions.RECONNECT_MAX_BACKOFF, Duration.ofSeconds(1));
        o.set(ExchangeSourceOptions.RECONNECT_MAX_ATTEMPTS, 100);
        o.set(ExchangeSourceOptions.CONNECTION_MAX_AGE, Duration.ofSeconds(8));
        o.set(ExchangeSourceOptions.CONNECTION_RENEW_OVERLAP, Duration.ofMillis(500));
        o.set(ExchangeSourceOptions.CONNECTION_RATE_LIMIT, 20.0);
        o.set(ExchangeSourceOptions.BACKFILL_REQUESTS_PER_SECOND, 100.0);
        o.set(ExchangeSourceOptions.BACKFILL_INITIAL_BACKOFF, Duration.ofMillis(50));
        o.set(ExchangeSourceOptions.BACKFILL_MAX_BACKOFF, Duration.ofMillis(500));
        o.set(ExchangeSourceOptions.HEALTH_INTERVAL, Duration.ofSeconds(1));
        return o;
    }

    /**
     * Starts {@code source -> CollectingSink(runId)} with generic types off and no restarts.
     *
     * @param extra more job configuration, e.g. a savepoint to restore
     */
    public static JobClient start(
            ExchangeSource source, String runId, boolean checkpoints, Configuration extra)
            throws Exception {
        Configuration c = new Configuration(extra);
        c.set(PipelineOptions.GENERIC_TYPES, false);
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(c);
        env.configure(c);
        env.setParallelism(2);
        if (checkpoints) {
            env.enableCheckpointing(500);
        }
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "exchange")
                .uid("exchange-source")
                .sinkTo(new CollectingSink(runId))
                .uid("collect");
        return env.executeAsync("exchange-source-" + runId);
    }

    /** Waits until the condition holds or the timeout passes (the assertions then tell why). */
    public static void await(Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() - deadline < 0) {
            Thread.sleep(100);
        }
    }

    public static List<Trade> trades(List<FeedEvent> events) {
        return events.stream().filter(FeedEvent::isTrade).map(FeedEvent::trade).toList();
    }

    public static int tradeCount(String... runs) {
        int n = 0;
        for (String run : runs) {
            n += trades(CollectingSink.events(run)).size();
        }
        return n;
    }

    /** Sums of the health reports' counters, by field name. */
    public static Map<String, Long> healthTotals(List<FeedEvent> events) {
        List<FeedHealth> reports =
                events.stream().filter(FeedEvent::isHealth).map(FeedEvent::health).toList();
        Map<String, ToLongFunction<FeedHealth>> fields =
                Map.of(
                        "reconnects", FeedHealth::reconnects,
                        "gaps", FeedHealth::gaps,
                        "tradesBackfilled", FeedHealth::tradesBackfilled,
                        "duplicates", FeedHealth::duplicates,
                        "deadLetters", FeedHealth::deadLetters,
                        "unrecoverableGaps", FeedHealth::unrecoverableGaps,
                        "trades", FeedHealth::trades);
        Map<String, Long> totals = new HashMap<>();
        fields.forEach((name, f) -> totals.put(name, reports.stream().mapToLong(f).sum()));
        return totals;
    }

    /** Both sides as counts per key; the caller asserts they are equal. */
    public static <K> Map<K, Long> multiset(List<K> keys) {
        Map<K, Long> counts = new HashMap<>();
        keys.forEach(k -> counts.merge(k, 1L, Long::sum));
        return counts;
    }
}
