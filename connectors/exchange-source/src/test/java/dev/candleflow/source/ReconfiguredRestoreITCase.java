package dev.candleflow.source;

import static dev.candleflow.source.testutils.SourceJobs.await;
import static dev.candleflow.source.testutils.SourceJobs.multiset;
import static dev.candleflow.source.testutils.SourceJobs.tradeCount;
import static dev.candleflow.source.testutils.SourceJobs.trades;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.simulator.MarketSimulator;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueTrade;
import dev.candleflow.source.testutils.CollectingSink;
import dev.candleflow.source.testutils.SourceJobs;
import dev.candleflow.source.testutils.TradeKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
 * A job stopped with a savepoint and resumed with different symbols and venues, as an operator does
 * to add a market: the symbols kept lose and repeat nothing across the stop, a removed symbol
 * stops, and an added symbol and an added venue are subscribed from the resume on, with no gap.
 */
class ReconfiguredRestoreITCase {

    private static final Logger LOG = LoggerFactory.getLogger(ReconfiguredRestoreITCase.class);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");
    private static final InstrumentId ETH = InstrumentId.parse("ETH-USDT");
    private static final InstrumentId SOL = InstrumentId.parse("SOL-USDT");

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void addedSymbolsAndVenuesAreSubscribedAndKeptOnesLoseNothing(@TempDir Path savepoints)
            throws Exception {
        try (MarketSimulator sim =
                MarketSimulator.builder()
                        .venues(VenueId.BINANCE, VenueId.OKX)
                        .instruments("BTC-USDT", "ETH-USDT", "SOL-USDT")
                        .seed(17)
                        .tradesPerSecond(8)
                        .speed(8)
                        .eventDuration(Duration.ofMinutes(2))
                        .build()
                        .start()) {
            // Before: Binance BTC and ETH, one connection each.
            String first = "before-" + System.nanoTime();
            JobClient job =
                    SourceJobs.start(
                            source(sim, Map.of(Venue.BINANCE, List.of(BTC, ETH))),
                            first,
                            true,
                            new Configuration());
            await(WAIT, () -> tradeCount(first) >= 150);
            String savepoint =
                    job.stopWithSavepoint(
                                    false,
                                    savepoints.toUri().toString(),
                                    SavepointFormatType.CANONICAL)
                            .get();
            long stoppedAt = sim.publishedTradeCount(VenueId.BINANCE);
            sim.awaitEventTimeReached(
                    sim.eventStartMillis().orElseThrow() + Duration.ofSeconds(50).toMillis(), WAIT);
            assertThat(sim.publishedTradeCount(VenueId.BINANCE))
                    .as("the venue trades on while the job is down")
                    .isGreaterThan(stoppedAt + 50);

            // After: Binance BTC and SOL (ETH removed, SOL added), and OKX BTC (a new venue).
            String second = "after-" + System.nanoTime();
            Configuration restore = new Configuration();
            restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
            JobClient resumed =
                    SourceJobs.start(
                            source(
                                    sim,
                                    Map.of(
                                            Venue.BINANCE,
                                            List.of(BTC, SOL),
                                            Venue.OKX,
                                            List.of(BTC))),
                            second,
                            true,
                            restore);
            assertThat(sim.awaitFinished(WAIT)).as("the market finished").isTrue();
            List<VenueTrade> btc = published(sim, VenueId.BINANCE, "BTC-USDT");
            String lastSol = last(published(sim, VenueId.BINANCE, "SOL-USDT"));
            String lastOkx = last(published(sim, VenueId.OKX, "BTC-USDT"));
            await(
                    WAIT,
                    () ->
                            count(first, BTC) + count(second, BTC) >= btc.size()
                                    && received(second, Venue.BINANCE, SOL, lastSol)
                                    && received(second, Venue.OKX, BTC, lastOkx));
            Thread.sleep(1_500);
            resumed.cancel().get();

            List<Trade> before = trades(CollectingSink.events(first));
            List<Trade> after = trades(CollectingSink.events(second));
            LOG.info("Before the savepoint {} trades, after it {}", before.size(), after.size());

            List<Trade> keptBtc = new ArrayList<>(select(before, Venue.BINANCE, BTC));
            keptBtc.addAll(select(after, Venue.BINANCE, BTC));
            assertThat(multiset(keys(keptBtc)))
                    .as("Binance BTC across the stop: every trade once")
                    .isEqualTo(multiset(btc.stream().map(TradeKey::of).toList()));

            assertThat(select(before, Venue.BINANCE, ETH)).as("ETH before the stop").isNotEmpty();
            assertThat(select(after, Venue.BINANCE, ETH)).as("ETH after its removal").isEmpty();
            assertThat(select(before, Venue.BINANCE, SOL)).as("SOL before it was added").isEmpty();

            assertGaplessTail(
                    "added symbol Binance SOL",
                    select(after, Venue.BINANCE, SOL),
                    published(sim, VenueId.BINANCE, "SOL-USDT"));
            assertGaplessTail(
                    "added venue OKX BTC",
                    select(after, Venue.OKX, BTC),
                    published(sim, VenueId.OKX, "BTC-USDT"));
        }
    }

    /** The trades received are the venue's, from the first one received to the end, each once. */
    private static void assertGaplessTail(
            String what, List<Trade> received, List<VenueTrade> published) {
        assertThat(received).as(what + ": received").isNotEmpty();
        List<TradeKey> all = published.stream().map(TradeKey::of).toList();
        List<TradeKey> got = keys(received);
        int from =
                all.indexOf(
                        got.stream().min(java.util.Comparator.comparingInt(all::indexOf)).get());
        assertThat(from).as(what + ": first received trade was published").isNotNegative();
        assertThat(multiset(got))
                .as(what + ": every trade from the subscription on, once")
                .isEqualTo(multiset(all.subList(from, all.size())));
    }

    private static String last(List<VenueTrade> trades) {
        return trades.get(trades.size() - 1).tradeId();
    }

    private static boolean received(
            String run, Venue venue, InstrumentId instrument, String tradeId) {
        return select(trades(CollectingSink.events(run)), venue, instrument).stream()
                .anyMatch(t -> t.tradeId().equals(tradeId));
    }

    private static int count(String run, InstrumentId instrument) {
        return select(trades(CollectingSink.events(run)), Venue.BINANCE, instrument).size();
    }

    private static List<Trade> select(List<Trade> trades, Venue venue, InstrumentId instrument) {
        Predicate<Trade> p = t -> t.venue() == venue && t.instrument().equals(instrument);
        return trades.stream().filter(p).toList();
    }

    private static List<TradeKey> keys(List<Trade> trades) {
        return trades.stream().map(TradeKey::of).toList();
    }

    private static List<VenueTrade> published(
            MarketSimulator sim, VenueId venue, String instrument) {
        return sim.publishedTrades(venue).stream()
                .filter(t -> t.instrument().equals(instrument))
                .toList();
    }

    private static ExchangeSource source(
            MarketSimulator sim, Map<Venue, List<InstrumentId>> subscriptions) {
        ExchangeSourceBuilder b = ExchangeSource.builder().options(SourceJobs.fastOptions(1));
        subscriptions.forEach(
                (venue, instruments) -> {
                    VenueId id = VenueId.fromId(venue.id());
                    b.venue(venue, instruments)
                            .endpoint(venue, sim.wsBaseUri(id))
                            .restEndpoint(venue, sim.restBaseUri(id));
                });
        return b.build();
    }
}
