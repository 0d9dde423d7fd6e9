package dev.candleflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.job.config.CandleJobConfigLoader;
import dev.candleflow.job.testutils.CandleReaders;
import dev.candleflow.job.testutils.CandleReference;
import dev.candleflow.job.testutils.SimTrades;
import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.ClickHouseServer;
import dev.candleflow.local.KafkaExtension;
import dev.candleflow.local.KafkaServer;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Trade;
import dev.candleflow.simulator.BinanceSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Simulator -> CandleJob on a MiniCluster -> real ClickHouse and real Kafka, over five and a half
 * minutes of accelerated event time and three symbols. Both stores must hold exactly the candles a
 * brute-force reference computes from the trades the simulator published.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class})
class CandlePipelineITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static final Map<String, InstrumentId> SYMBOLS =
            Map.of(
                    "BTCUSDT",
                    InstrumentId.parse("BTC-USDT"),
                    "ETHUSDT",
                    InstrumentId.parse("ETH-USDT"),
                    "SOLUSDT",
                    InstrumentId.parse("SOL-USDT"));
    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(2);

    @Test
    void candlesInClickHouseAndKafkaEqualTheReference(ClickHouseServer ch, KafkaServer kafka)
            throws Exception {
        long start = System.currentTimeMillis() / 60_000L * 60_000L - 600_000L;
        try (BinanceSimulator sim =
                BinanceSimulator.builder()
                        .symbols(SYMBOLS.keySet())
                        .seed(7)
                        .tradesPerSecond(4)
                        .speed(60)
                        .startTimeMillis(start)
                        .eventDuration(Duration.ofSeconds(330))
                        .build()
                        .start()) {
            CandleJobConfig config = config(sim, ch, kafka, "it_pipeline", "candles-pipeline-it");
            CandleJob.prepareStorage(config);
            StreamExecutionEnvironment env = environment();
            CandleJob.production(config).build(env);
            JobClient job = env.executeAsync("candle-pipeline-it");
            try {
                assertThat(sim.awaitEventTimeReached(start + 60_000, Duration.ofSeconds(60)))
                        .isTrue();
                sim.faults().sendGarbage("{not json");
                sim.faults().sendGarbage("{not json");
                sim.faults()
                        .sendGarbage(
                                "{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"-1\",\"q\":\"1\",\"T\":1,\"m\":true}");
                assertThat(sim.awaitFinished(Duration.ofSeconds(60))).isTrue();

                List<Trade> published = SimTrades.toTrades(sim.publishedTrades(), SYMBOLS);
                long lastTradeMillis =
                        published.stream().mapToLong(Trade::eventTimeMillis).max().orElseThrow();
                long watermark = lastTradeMillis - OUT_OF_ORDERNESS.toMillis() - 1;
                List<Candle> reference = new java.util.ArrayList<>();
                for (CandleInterval interval : CandleInterval.values()) {
                    reference.addAll(CandleReference.candles(published, interval));
                    reference.addAll(CandleReference.consolidated(published, interval));
                }
                Set<String> expected =
                        reference.stream()
                                .filter(c -> c.closeTimeMicros() / 1000L - 1 <= watermark)
                                .map(CandleReference::comparable)
                                .collect(Collectors.toSet());
                // 1s, 1m and 5m candles closed, per venue and consolidated, for three symbols
                assertThat(expected).hasSizeGreaterThan(2 * 3 * (300 + 5));

                String url = config.clickHouse().databaseUrl();
                await(
                        Duration.ofSeconds(90),
                        () ->
                                count(CandleReaders.fromClickHouse(url)) >= expected.size()
                                        && CandleReaders.latestFromKafka(
                                                                kafka.bootstrapServers(),
                                                                config.topics().candles())
                                                        .size()
                                                >= expected.size());

                assertThat(comparable(CandleReaders.fromClickHouse(url))).isEqualTo(expected);
                assertThat(
                                comparable(
                                        List.copyOf(
                                                CandleReaders.latestFromKafka(
                                                                kafka.bootstrapServers(),
                                                                config.topics().candles())
                                                        .values())))
                        .isEqualTo(expected);
                await(
                        Duration.ofSeconds(30),
                        () ->
                                ch.execute("SELECT count() FROM it_pipeline.dead_letters")
                                        .strip()
                                        .equals("3"));
                assertThat(
                                ch.execute(
                                        "SELECT reason, count() FROM it_pipeline.dead_letters GROUP"
                                                + " BY reason ORDER BY reason"))
                        .isEqualTo("bad_price\t1\nmalformed_json\t2\n");
                assertThat(
                                Long.parseLong(
                                        ch.execute(
                                                        "SELECT sum(trades) FROM"
                                                            + " it_pipeline.feed_health WHERE venue"
                                                            + " = 'binance'")
                                                .strip()))
                        .as("feed health reports count the trades received")
                        .isPositive();
                assertThat(ch.execute("SELECT count() FROM it_pipeline.trades FINAL").strip())
                        .as("every published trade stored once")
                        .isEqualTo(Integer.toString(published.size()));
            } finally {
                stop(job);
            }
        }
    }

    /** Cancels a running job; a job that failed by itself is reported with its cause. */
    static void stop(JobClient job) throws Exception {
        if (job.getJobStatus().get().isGloballyTerminalState()) {
            job.getJobExecutionResult().get(); // throws the job's failure
            return;
        }
        job.cancel().get();
    }

    static CandleJobConfig config(
            BinanceSimulator sim, ClickHouseServer ch, KafkaServer kafka, String db, String topic) {
        return CandleJobConfigLoader.fromMap(
                Map.ofEntries(
                        Map.entry(
                                "symbols",
                                String.join(
                                        ",",
                                        SYMBOLS.values().stream()
                                                .map(Object::toString)
                                                .sorted()
                                                .toList())),
                        Map.entry("source.endpoint.binance", sim.wsBaseUri().toString()),
                        Map.entry("source.reconnect.initial-backoff", "100 ms"),
                        Map.entry("clickhouse.url", "jdbc:clickhouse://127.0.0.1:" + ch.httpPort()),
                        Map.entry("clickhouse.database", db),
                        Map.entry("clickhouse.batch-interval", "200 ms"),
                        Map.entry("clickhouse.trades", "true"),
                        Map.entry("source.health-interval", "1 s"),
                        Map.entry("kafka.bootstrap-servers", kafka.bootstrapServers()),
                        Map.entry("kafka.topic.candles", topic),
                        Map.entry("kafka.transaction-timeout", "60 s"),
                        Map.entry("kafka.transactional-id-prefix", topic),
                        Map.entry("checkpoint.interval", "1 s"),
                        Map.entry(
                                "watermark.out-of-orderness", OUT_OF_ORDERNESS.toSeconds() + " s"),
                        Map.entry("watermark.idleness", "3 s")));
    }

    static StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration c = new Configuration();
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        c.set(PipelineOptions.GENERIC_TYPES, false); // every record type must be a POJO
        env.configure(c);
        env.setParallelism(2);
        return env;
    }

    static Set<String> comparable(List<Candle> candles) {
        return candles.stream().map(CandleReference::comparable).collect(Collectors.toSet());
    }

    static int count(List<Candle> candles) {
        return candles.size();
    }

    static void await(Duration timeout, ThrowingCondition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    /** A condition that may throw while it is checked. */
    interface ThrowingCondition {
        boolean holds() throws Exception;
    }
}
