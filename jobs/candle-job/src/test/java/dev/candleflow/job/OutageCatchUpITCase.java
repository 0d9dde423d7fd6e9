package dev.candleflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.job.config.CandleJobConfigLoader;
import dev.candleflow.job.testutils.CandleReference;
import dev.candleflow.job.testutils.MemorySink;
import dev.candleflow.job.testutils.SimTrades;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Trade;
import dev.candleflow.simulator.BinanceSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A long outage of one connection carrying two symbols: the venue keeps trading for about 80
 * seconds of event time that the WebSocket never delivers, far beyond the allowed lateness. Both
 * symbols then backfill over REST in several pages each, which interleave out of event-time order;
 * the connection's watermark must wait until it has caught up, so no backfilled trade is late and
 * every final candle equals the reference of what the venue published.
 */
class OutageCatchUpITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static final Map<String, InstrumentId> SYMBOLS =
            Map.of(
                    "BTCUSDT", InstrumentId.parse("BTC-USDT"),
                    "ETHUSDT", InstrumentId.parse("ETH-USDT"));
    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(2);

    /** About 80 s of both symbols' trades at 30 trades/s: two REST pages (1,000) per symbol. */
    static final int WITHHELD = 2_400;

    @Test
    void backfilledTradesAfterALongOutageAreNotLate() throws Exception {
        String run = "outage-" + System.nanoTime();
        try (BinanceSimulator sim =
                BinanceSimulator.builder()
                        .symbols(SYMBOLS.keySet())
                        .seed(23)
                        .tradesPerSecond(30)
                        .speed(20)
                        .eventDuration(Duration.ofMinutes(4))
                        .build()
                        .start()) {
            CandleJobConfig config = config(sim);
            StreamExecutionEnvironment env = CandlePipelineITCase.environment();
            new CandleJob(config, CandleJob.exchangeSource(config), MemorySink.jobSinks(run))
                    .build(env);
            JobClient job = env.executeAsync("outage-catch-up-it");
            try {
                long start =
                        sim.awaitEventStart(Duration.ofSeconds(60))
                                .orElseThrow(() -> new AssertionError("the market never opened"));
                assertThat(sim.awaitEventTimeReached(start + 60_000, Duration.ofSeconds(60)))
                        .isTrue();
                sim.faults().withhold(WITHHELD);
                assertThat(sim.awaitFinished(Duration.ofSeconds(60))).isTrue();

                List<Trade> published = SimTrades.toTrades(sim.publishedTrades(), SYMBOLS);
                long lastTradeMillis =
                        published.stream().mapToLong(Trade::eventTimeMillis).max().orElseThrow();
                long watermark = lastTradeMillis - OUT_OF_ORDERNESS.toMillis() - 1;
                Set<String> expected = new java.util.HashSet<>();
                for (CandleInterval interval : config.candles().intervals()) {
                    for (Candle c : CandleReference.candles(published, interval)) {
                        if (c.closeTimeMicros() / 1000L - 1 <= watermark) {
                            expected.add(CandleReference.comparable(c));
                        }
                    }
                }
                assertThat(expected).hasSizeGreaterThan(200);
                // Wait for the candles, then let the assertions below tell what is wrong.
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (latest(run).size() < expected.size() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }

                List<DeadLetter> deadLetters = MemorySink.received(run + "-dead-letters");
                assertThat(deadLetters)
                        .as("late trades")
                        .filteredOn(d -> d.reason().equals("late"))
                        .isEmpty();
                assertThat(
                                MemorySink.<Trade>received(run + "-trades").stream()
                                        .filter(t -> t.eventTimeMillis() <= watermark)
                                        .count())
                        .as("trades through the job up to the watermark")
                        .isEqualTo(
                                published.stream()
                                        .filter(t -> t.eventTimeMillis() <= watermark)
                                        .count());
                assertThat(FailureRecoveryITCase.differences(latest(run), expected))
                        .as("final candles vs reference")
                        .isEmpty();
            } finally {
                CandlePipelineITCase.stop(job);
            }
        }
    }

    /** The newest revision of every final per-venue candle, comparable to the reference. */
    static Set<String> latest(String run) {
        List<Candle> finals = MemorySink.received(run + "-final");
        return finals.stream()
                .filter(c -> c.venue() != null)
                .collect(
                        Collectors.toMap(
                                c ->
                                        c.source()
                                                + "|"
                                                + c.instrument()
                                                + "|"
                                                + c.interval()
                                                + "|"
                                                + c.openTimeMicros(),
                                Function.identity(),
                                (a, b) -> a.revision() >= b.revision() ? a : b))
                .values()
                .stream()
                .map(CandleReference::comparable)
                .collect(Collectors.toSet());
    }

    static CandleJobConfig config(BinanceSimulator sim) {
        return CandleJobConfigLoader.fromMap(
                Map.ofEntries(
                        Map.entry(
                                "symbols",
                                SYMBOLS.values().stream()
                                        .map(Object::toString)
                                        .sorted()
                                        .collect(Collectors.joining(","))),
                        Map.entry("source.endpoint.binance", sim.wsBaseUri().toString()),
                        Map.entry("source.rest-endpoint.binance", sim.restBaseUri().toString()),
                        Map.entry("source.reconnect.initial-backoff", "100 ms"),
                        Map.entry("source.health-interval", "1 s"),
                        Map.entry("candles.intervals", "1s,1m"),
                        Map.entry("candles.allowed-lateness", "3 s"),
                        Map.entry("checkpoint.interval", "1 s"),
                        Map.entry(
                                "watermark.out-of-orderness", OUT_OF_ORDERNESS.toSeconds() + " s"),
                        Map.entry("watermark.idleness", "3 s")));
    }
}
