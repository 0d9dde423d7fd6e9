package dev.candleflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.job.config.CandleJobConfigLoader;
import dev.candleflow.job.testutils.CandleReaders;
import dev.candleflow.job.testutils.CandleReference;
import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.ClickHouseServer;
import dev.candleflow.local.KafkaExtension;
import dev.candleflow.local.KafkaServer;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.source.FeedEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job fails in the middle (an exception injected after N records), restarts from its last
 * checkpoint and replays; the final candles in Kafka (read_committed, newest per key) and in
 * ClickHouse (FINAL) still equal those of a run without the failure: each candle once, exactly.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class})
class FailureRecoveryITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static final int TRADES = 12_000;
    static final long FAIL_AT = 7_000;
    static final List<Venue> VENUES = List.of(Venue.BINANCE, Venue.OKX, Venue.COINBASE);
    static final List<InstrumentId> SYMBOLS =
            List.of(InstrumentId.parse("BTC-USDT"), InstrumentId.parse("ETH-USDT"));

    /** A recent quarter hour (retention drops old 1s candles at insert), fixed for the run. */
    static final long START =
            (System.currentTimeMillis() - 86_400_000L) / 900_000L * 900_000L * 1000L;

    /** Whether the injected failure fired; the MiniCluster runs in this JVM. */
    static final AtomicBoolean FAILED = new AtomicBoolean();

    /** How often record FAIL_AT was generated: once before the failure, once in the replay. */
    static final AtomicInteger VISITS = new AtomicInteger();

    @Test
    void aFailureMidRunChangesNoFinalCandle(ClickHouseServer ch, KafkaServer kafka)
            throws Exception {
        CandleJobConfig config =
                CandleJobConfigLoader.fromMap(
                        Map.ofEntries(
                                Map.entry("candles.intervals", "1s,1m,5m,15m"),
                                Map.entry("candles.fill-empty", ""),
                                Map.entry(
                                        "clickhouse.url",
                                        "jdbc:clickhouse://127.0.0.1:" + ch.httpPort()),
                                Map.entry("clickhouse.database", "it_failure"),
                                Map.entry("clickhouse.batch-interval", "100 ms"),
                                Map.entry("kafka.bootstrap-servers", kafka.bootstrapServers()),
                                Map.entry("kafka.topic.candles", "failure-candles"),
                                Map.entry("kafka.topic.candles-live", "failure-candles-live"),
                                Map.entry("kafka.topic.outliers", "failure-outliers"),
                                Map.entry("kafka.topic.dead-letters", "failure-dead-letters"),
                                Map.entry("kafka.transaction-timeout", "60 s"),
                                Map.entry("kafka.transactional-id-prefix", "failure-it"),
                                Map.entry("checkpoint.interval", "500 ms")));
        CandleJob.prepareStorage(config);
        DataGeneratorSource<FeedEvent> source =
                new DataGeneratorSource<>(
                        FailureRecoveryITCase::eventFailingOnce,
                        TRADES,
                        RateLimiterStrategy.perSecond(2_500),
                        TypeInformation.of(FeedEvent.class));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration c = new Configuration();
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        c.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(c);
        env.setParallelism(2);
        new CandleJob(config, source, CandleJob.productionSinks(config)).build(env);
        JobClient job = env.executeAsync("failure-recovery-it");
        job.getJobExecutionResult().get();

        assertThat(FAILED).as("the injected failure happened").isTrue();
        assertThat(VISITS.get()).as("the record was replayed after the restart").isEqualTo(2);
        List<Trade> trades =
                LongStream.range(0, TRADES).mapToObj(FailureRecoveryITCase::trade).toList();
        List<Candle> reference = new ArrayList<>();
        for (CandleInterval interval : config.candles().intervals()) {
            reference.addAll(CandleReference.candles(trades, interval));
            reference.addAll(CandleReference.consolidated(trades, interval));
        }
        Set<String> expected = comparable(reference);
        assertThat(expected).hasSizeGreaterThan(8_000);
        assertThat(
                        differences(
                                comparable(
                                        CandleReaders.fromClickHouse(
                                                config.clickHouse().databaseUrl())),
                                expected))
                .as("ClickHouse FINAL vs reference")
                .isEmpty();
        Set<String> kafkaCandles =
                comparable(
                        List.copyOf(
                                CandleReaders.latestFromKafka(
                                                kafka.bootstrapServers(), config.topics().candles())
                                        .values()));
        assertThat(differences(kafkaCandles, expected))
                .as("Kafka read_committed vs reference")
                .isEmpty();
        assertThat(ch.execute("SELECT count() FROM it_failure.dead_letters").strip())
                .isEqualTo("0");
    }

    /** What only one side has, a few of each, or empty when the sets are equal. */
    static List<String> differences(Set<String> actual, Set<String> expected) {
        List<String> out = new ArrayList<>();
        actual.stream()
                .filter(a -> !expected.contains(a))
                .sorted()
                .limit(5)
                .forEach(a -> out.add("job only: " + a));
        expected.stream()
                .filter(e -> !actual.contains(e))
                .sorted()
                .limit(5)
                .forEach(e -> out.add("reference only: " + e));
        if (!out.isEmpty()) {
            out.add(0, "job " + actual.size() + " candles, reference " + expected.size());
        }
        return out;
    }

    static Set<String> comparable(List<Candle> candles) {
        return candles.stream().map(CandleReference::comparable).collect(Collectors.toSet());
    }

    static FeedEvent eventFailingOnce(long index) {
        if (index == FAIL_AT && VISITS.incrementAndGet() > 0 && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure at record " + index);
        }
        return FeedEvent.of(trade(index));
    }

    /** Trade number i, a pure function of i: one every 100 ms, venues and symbols in turn. */
    static Trade trade(long i) {
        Venue venue = VENUES.get((int) (i % VENUES.size()));
        InstrumentId symbol = SYMBOLS.get((int) ((i / VENUES.size()) % SYMBOLS.size()));
        long h = mix(i);
        // One market for all venues: a slow drift plus a tick of noise, so no venue is an outlier.
        long base = symbol.base().equals("BTC") ? 3_000_000 : 200_000;
        long drift = Math.round(base * 0.01 * Math.sin(i / 1_000d));
        BigDecimal price = BigDecimal.valueOf(base + drift + Math.floorMod(h, 3) - 1, 2);
        BigDecimal qty = BigDecimal.valueOf(1 + Math.floorMod(h >>> 20, 900_000), 6);
        long time = START + i * 100_000L;
        return new Trade(
                venue,
                symbol,
                time,
                time,
                i,
                price,
                qty,
                (h & 1) == 0 ? Side.BUY : Side.SELL,
                Long.toString(i));
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
        x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }
}
