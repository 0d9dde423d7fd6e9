package dev.candleflow.source;

import static dev.candleflow.source.testutils.SourceJobs.await;
import static dev.candleflow.source.testutils.SourceJobs.healthTotals;
import static dev.candleflow.source.testutils.SourceJobs.multiset;
import static dev.candleflow.source.testutils.SourceJobs.tradeCount;
import static dev.candleflow.source.testutils.SourceJobs.trades;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.simulator.BinanceSimulator;
import dev.candleflow.simulator.fault.FaultPlan;
import dev.candleflow.simulator.market.SimTrade;
import dev.candleflow.source.testutils.CollectingSink;
import dev.candleflow.source.testutils.SourceJobs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source on a MiniCluster against the Binance simulator with faults on: the multiset of trades
 * that reach the job equals the multiset the venue published, through cut connections, withheld and
 * truncated frames, duplicates, garbage, stalls, venue maintenance and a stop-with-savepoint and
 * restore.
 */
class ExchangeSourceITCase {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeSourceITCase.class);

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void underAllFaultsEveryPublishedTradeArrivesExactlyOnce() throws Exception {
        FaultPlan faults =
                FaultPlan.builder()
                        .dropEvery(Duration.ofMillis(4_500))
                        .withholdEvery(Duration.ofMillis(1_300), 12)
                        .stallEvery(Duration.ofMillis(7_000), Duration.ofMillis(400))
                        .forceDisconnectEvery(Duration.ofMillis(6_100))
                        .noticeLead(Duration.ofMillis(800))
                        .garbageRate(0.01)
                        .truncateRate(0.01)
                        .duplicateRate(0.02)
                        .reorderRate(0.005)
                        .seed(11)
                        .build();
        try (BinanceSimulator sim = simulator(faults, Duration.ofMinutes(2), 7).start()) {
            String run = "faults-" + System.nanoTime();
            JobClient job = SourceJobs.start(source(sim), run, false, new Configuration());
            awaitFinishedAndFlushTail(sim);
            int published = sim.publishedTrades().size();
            await(WAIT, () -> tradeCount(run) >= published);
            Thread.sleep(1_500); // late duplicates would show up now
            List<FeedEvent> events = CollectingSink.events(run);
            job.cancel().get();

            assertExactlyOnce(sim.publishedTrades(), trades(events));
            Map<String, Long> health = healthTotals(events);
            LOG.info(
                    "Published {} trades; faults {}; health totals {}",
                    published,
                    sim.faults().stats(),
                    health);
            assertThat(sim.faults().stats().withheldTrades()).isPositive();
            assertThat(sim.faults().stats().connectionsDropped()).isPositive();
            assertThat(health.get("reconnects")).isPositive();
            assertThat(health.get("gaps")).isPositive();
            assertThat(health.get("tradesBackfilled")).isPositive();
            assertThat(health.get("duplicates")).isPositive();
            assertThat(health.get("deadLetters")).isPositive();
            assertThat(health.get("unrecoverableGaps")).isZero();
        }
    }

    @Test
    void aStopWithSavepointAndRestoreLosesAndRepeatsNothing(@TempDir Path savepoints)
            throws Exception {
        FaultPlan faults =
                FaultPlan.builder()
                        .withholdEvery(Duration.ofMillis(1_500), 10)
                        .duplicateRate(0.02)
                        .seed(5)
                        .build();
        try (BinanceSimulator sim = simulator(faults, Duration.ofSeconds(80), 8).start()) {
            String first = "before-" + System.nanoTime();
            JobClient job = SourceJobs.start(source(sim), first, true, new Configuration());
            await(WAIT, () -> tradeCount(first) >= 300);
            String savepoint =
                    job.stopWithSavepoint(
                                    false,
                                    savepoints.toUri().toString(),
                                    SavepointFormatType.CANONICAL)
                            .get();
            int before = tradeCount(first);
            // The venue keeps trading while the job is down.
            long down = sim.publishedTradeCount();
            long start = sim.eventStartMillis().orElseThrow();
            sim.awaitEventTimeReached(start + Duration.ofSeconds(40).toMillis(), WAIT);
            assertThat(sim.publishedTradeCount()).isGreaterThan(down + 100);

            String second = "after-" + System.nanoTime();
            Configuration restore = new Configuration();
            restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
            JobClient resumed = SourceJobs.start(source(sim), second, true, restore);
            awaitFinishedAndFlushTail(sim);
            int published = sim.publishedTrades().size();
            await(WAIT, () -> tradeCount(first, second) >= published);
            Thread.sleep(1_500);
            resumed.cancel().get();

            List<Trade> all = new ArrayList<>(trades(CollectingSink.events(first)));
            all.addAll(trades(CollectingSink.events(second)));
            LOG.info("Before the savepoint {} trades, after it {}", before, all.size() - before);
            assertExactlyOnce(sim.publishedTrades(), all);
            assertThat(healthTotals(CollectingSink.events(second)).get("tradesBackfilled"))
                    .as("the downtime came back over REST")
                    .isPositive();
        }
    }

    private static BinanceSimulator simulator(FaultPlan faults, Duration length, double speed) {
        return BinanceSimulator.builder()
                .symbols(SYMBOLS)
                .seed(7)
                .tradesPerSecond(12)
                .speed(speed)
                .eventDuration(length)
                .maxConnectionAge(Duration.ofSeconds(8))
                .faultPlan(faults)
                .build();
    }

    private static ExchangeSource source(BinanceSimulator sim) {
        List<InstrumentId> instruments =
                SYMBOLS.stream().map(s -> InstrumentId.parse(s.replace("USDT", "-USDT"))).toList();
        // One connection: the simulated market opens on the first subscription, and a fresh source
        // starts with the first trade it sees, so a second connection would begin a few trades
        // late.
        return ExchangeSource.builder()
                .venue(Venue.BINANCE, instruments)
                .endpoint(Venue.BINANCE, sim.wsBaseUri())
                .restEndpoint(Venue.BINANCE, sim.restBaseUri())
                .options(SourceJobs.fastOptions(SYMBOLS.size()))
                .build();
    }

    /**
     * Waits for the market to end, then cuts the connections once: the reconnect backfills what was
     * withheld at the very end, which no later trade reveals.
     */
    static void awaitFinishedAndFlushTail(BinanceSimulator sim) throws InterruptedException {
        assertThat(sim.awaitFinished(WAIT)).as("the market finished").isTrue();
        Thread.sleep(1_000);
        sim.faults().dropAllConnections();
    }

    /** What identifies a trade for the comparison. */
    private record Key(
            Venue venue,
            String symbol,
            String tradeId,
            String price,
            String qty,
            long time,
            Side side) {

        static Key of(SimTrade t) {
            return new Key(
                    Venue.BINANCE,
                    t.symbol(),
                    Long.toString(t.tradeId()),
                    t.price().toPlainString(),
                    t.quantity().toPlainString(),
                    t.eventTimeMillis(),
                    t.buyerIsMaker() ? Side.SELL : Side.BUY);
        }

        static Key of(Trade t) {
            return new Key(
                    t.venue(),
                    t.instrument().base() + t.instrument().quote(),
                    t.tradeId(),
                    t.price().toPlainString(),
                    t.quantity().toPlainString(),
                    t.eventTimeMillis(),
                    t.aggressor());
        }
    }

    private static void assertExactlyOnce(List<SimTrade> published, List<Trade> received) {
        Map<Key, Long> expected = multiset(published.stream().map(Key::of).toList());
        Map<Key, Long> actual = multiset(received.stream().map(Key::of).toList());
        assertThat(expected.keySet().stream().filter(k -> !actual.containsKey(k)).toList())
                .as("published but never received (of %d)", published.size())
                .isEmpty();
        assertThat(actual.entrySet().stream().filter(e -> e.getValue() > 1).toList())
                .as("received more than once")
                .isEmpty();
        assertThat(actual).isEqualTo(expected);
    }
}
