package dev.candleflow.source;

import static dev.candleflow.source.testutils.SourceJobs.await;
import static dev.candleflow.source.testutils.SourceJobs.healthTotals;
import static dev.candleflow.source.testutils.SourceJobs.multiset;
import static dev.candleflow.source.testutils.SourceJobs.tradeCount;
import static dev.candleflow.source.testutils.SourceJobs.trades;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapters;
import dev.candleflow.protocol.SequencePolicy;
import dev.candleflow.protocol.VenueEndpoints;
import dev.candleflow.simulator.MarketSimulator;
import dev.candleflow.simulator.fault.FaultPlan;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueTrade;
import dev.candleflow.source.testutils.CollectingSink;
import dev.candleflow.source.testutils.SourceJobs;
import dev.candleflow.source.testutils.TradeKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every venue whose adapter backfills over REST, against that venue's simulated protocol with
 * faults on: the trades that reach the job are exactly the trades the venue published. Binance has
 * its own, longer test in {@link ExchangeSourceITCase}.
 */
class VenueBackfillITCase {

    private static final Logger LOG = LoggerFactory.getLogger(VenueBackfillITCase.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> INSTRUMENTS = List.of("BTC-USDT", "ETH-USDT");

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    /** Venues with REST backfill by a strictly increasing sequence (Binance has its own test). */
    static java.util.stream.Stream<Venue> venuesWithBackfill() {
        return java.util.Arrays.stream(Venue.values())
                .filter(v -> v != Venue.BINANCE && backfills(v));
    }

    static java.util.stream.Stream<Venue> venuesWithoutBackfill() {
        return java.util.Arrays.stream(Venue.values()).filter(v -> !backfills(v));
    }

    @ParameterizedTest
    @MethodSource("venuesWithBackfill")
    void everyPublishedTradeArrivesExactlyOnce(Venue venue) throws Exception {
        VenueId id = VenueId.fromId(venue.id());
        // Every fault the simulator has, as in the Binance test.
        FaultPlan faults =
                FaultPlan.builder()
                        .dropEvery(Duration.ofMillis(3_100))
                        .withholdEvery(Duration.ofMillis(1_100), 8)
                        .stallEvery(Duration.ofMillis(7_000), Duration.ofMillis(400))
                        .forceDisconnectEvery(Duration.ofMillis(4_300))
                        .noticeLead(Duration.ofMillis(800))
                        .garbageRate(0.01)
                        .truncateRate(0.01)
                        .duplicateRate(0.02)
                        .reorderRate(0.005)
                        .seed(3)
                        .build();
        try (MarketSimulator sim =
                MarketSimulator.builder()
                        .venues(id)
                        .instruments(INSTRUMENTS.toArray(String[]::new))
                        .seed(13)
                        .tradesPerSecond(8)
                        .speed(8)
                        .eventDuration(Duration.ofMinutes(2))
                        .faultPlan(faults)
                        .build()
                        .start()) {
            VenueEndpoints endpoints = new VenueEndpoints(sim.wsBaseUri(id), sim.restBaseUri(id));
            ExchangeSource source = source(venue, endpoints);
            String run = venue.id() + "-" + System.nanoTime();
            JobClient job = SourceJobs.start(source, run, false, new Configuration());
            assertThat(sim.awaitFinished(WAIT)).as("the market finished").isTrue();
            Thread.sleep(1_000);
            sim.faults(id).dropAllConnections(); // the reconnect backfills a withheld tail
            List<VenueTrade> published = sim.publishedTrades(id);
            await(WAIT, () -> tradeCount(run) >= published.size());
            Thread.sleep(1_500);
            job.cancel().get();

            List<TradeKey> expected = published.stream().map(TradeKey::of).toList();
            List<Trade> received = trades(CollectingSink.events(run));
            LOG.info(
                    "{}: published {} trades; faults {}; health {}",
                    venue,
                    published.size(),
                    sim.faults(id).stats(),
                    healthTotals(CollectingSink.events(run)));
            Map<TradeKey, Long> want = multiset(expected);
            Map<TradeKey, Long> got = multiset(received.stream().map(TradeKey::of).toList());
            assertThat(want.keySet().stream().filter(k -> !got.containsKey(k)).toList())
                    .as("published but never received (of %d)", published.size())
                    .isEmpty();
            assertThat(got).isEqualTo(want);
            assertThat(healthTotals(CollectingSink.events(run)).get("tradesBackfilled"))
                    .isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("venuesWithoutBackfill")
    void venuesWithoutBackfillLoseOnlyWhatTheyReport(Venue venue) throws Exception {
        VenueId id = VenueId.fromId(venue.id());
        FaultPlan faults = FaultPlan.builder().dropEvery(Duration.ofMillis(2_000)).seed(3).build();
        try (MarketSimulator sim =
                MarketSimulator.builder()
                        .venues(id)
                        .instruments(INSTRUMENTS.toArray(String[]::new))
                        .seed(13)
                        .tradesPerSecond(8)
                        .speed(8)
                        .eventDuration(Duration.ofSeconds(40))
                        .faultPlan(faults)
                        .build()
                        .start()) {
            String run = venue.id() + "-" + System.nanoTime();
            JobClient job =
                    SourceJobs.start(
                            source(venue, new VenueEndpoints(sim.wsBaseUri(id), null)),
                            run,
                            false,
                            new Configuration());
            assertThat(sim.awaitFinished(WAIT)).as("the market finished").isTrue();
            Thread.sleep(1_500);
            job.cancel().get();

            List<FeedEvent> events = CollectingSink.events(run);
            Map<TradeKey, Long> published =
                    multiset(sim.publishedTrades(id).stream().map(TradeKey::of).toList());
            Map<TradeKey, Long> got = multiset(trades(events).stream().map(TradeKey::of).toList());
            LOG.info(
                    "{}: published {}, received {}; health {}",
                    venue,
                    published.size(),
                    got.size(),
                    healthTotals(events));
            assertThat(published.keySet())
                    .as("nothing the venue did not publish")
                    .containsAll(got.keySet());
            if (policy(venue) != SequencePolicy.NONE) {
                assertThat(got.values()).as("no duplicates").allMatch(n -> n == 1);
            }
            if (got.size() < published.size()) { // Kraken's snapshot may bring everything back
                assertThat(events.stream().filter(FeedEvent::isDeadLetter))
                        .as("what was lost is reported")
                        .anyMatch(e -> e.deadLetter().reason().equals("unrecoverable_gap"));
                assertThat(healthTotals(events).get("unrecoverableGaps")).isPositive();
            }
        }
    }

    private static boolean backfills(Venue venue) {
        return ExchangeAdapters.forVenue(venue, VenueEndpoints.LIVE).backfill().isPresent()
                && policy(venue) == SequencePolicy.STRICT_INCREMENT;
    }

    private static SequencePolicy policy(Venue venue) {
        return ExchangeAdapters.forVenue(venue, VenueEndpoints.LIVE).sequencePolicy();
    }

    private static ExchangeSource source(Venue venue, VenueEndpoints endpoints) {
        ExchangeSourceBuilder b =
                ExchangeSource.builder()
                        .venue(venue, INSTRUMENTS.stream().map(InstrumentId::parse).toList())
                        .endpoint(venue, endpoints.webSocket())
                        .options(SourceJobs.fastOptions(INSTRUMENTS.size()));
        if (endpoints.rest() != null) {
            b.restEndpoint(venue, endpoints.rest());
        }
        return b.build();
    }
}
