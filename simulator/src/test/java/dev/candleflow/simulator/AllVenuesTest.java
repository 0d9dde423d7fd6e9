package dev.candleflow.simulator;

import static dev.candleflow.simulator.testutils.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.simulator.fault.FaultStats;
import dev.candleflow.simulator.testutils.Await;
import dev.candleflow.simulator.testutils.RecordingClient;
import dev.candleflow.simulator.testutils.SeenTrade;
import dev.candleflow.simulator.testutils.SimTestBase;
import dev.candleflow.simulator.testutils.Sims;
import dev.candleflow.simulator.testutils.VenueWire;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueTrade;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same expectations on every venue protocol: exact trades, id schemes and the faults. */
class AllVenuesTest extends SimTestBase {

    @ParameterizedTest
    @EnumSource(VenueId.class)
    void socketCarriesExactlyThePublishedTradesWithTheVenueIds(VenueId venue) throws Exception {
        MarketSimulator sim = start(Sims.oneVenue(venue).eventDuration(Duration.ofSeconds(6)));
        String btc = sim.symbol(venue, "BTC-USDT");
        RecordingClient client = connect(sim, venue);
        client.send(VenueWire.subscribe(venue, btc));

        assertThat(sim.awaitFinished(WAIT)).isTrue();
        List<VenueTrade> published = Sims.published(sim, venue, btc);
        List<SeenTrade> seen = collect(venue, client, published.size());

        assertThat(published).hasSizeGreaterThan(50);
        for (int i = 0; i < published.size(); i++) {
            assertThat(seen.get(i).sameAs(published.get(i)))
                    .as("%s trade %d: %s vs %s", venue, i, seen.get(i), published.get(i))
                    .isTrue();
        }
        assertIdScheme(venue, published);
    }

    @ParameterizedTest
    @EnumSource(VenueId.class)
    void withheldDuplicatedAndReorderedTradesAreCountedOnEveryProtocol(VenueId venue)
            throws Exception {
        // One instrument, so that every fault lands on the subscribed symbol.
        MarketSimulator sim =
                start(
                        Sims.oneVenue(venue, "BTC-USDT")
                                .tradesPerSecond(40)
                                .eventDuration(Duration.ofSeconds(6)));
        RecordingClient client = connect(sim, venue);
        client.send(VenueWire.subscribe(venue, sim.symbol(venue, "BTC-USDT")));
        List<SeenTrade> seen = new ArrayList<>(collect(venue, client, 1));
        sim.faults(venue).withhold(10);
        sim.faults(venue).duplicateNext(3);
        sim.faults(venue).reorderNext(2);

        assertThat(sim.awaitFinished(WAIT)).isTrue();
        List<VenueTrade> published = sim.publishedTrades(venue);
        seen.addAll(collect(venue, client, published.size() - 10 + 3 - 1));

        Set<String> ids = new HashSet<>();
        seen.forEach(t -> ids.add(t.tradeId()));
        assertThat(ids).hasSize(published.size() - 10);
        Map<String, VenueTrade> byId = new HashMap<>();
        published.forEach(t -> byId.put(t.tradeId(), t));
        assertThat(seen).allSatisfy(t -> assertThat(t.sameAs(byId.get(t.tradeId()))).isTrue());
        FaultStats stats = sim.faults(venue).stats();
        assertThat(stats.withheldTrades()).isEqualTo(10);
        assertThat(stats.duplicatedFrames()).isEqualTo(3);
        assertThat(stats.reorderedTrades()).isEqualTo(2);
        assertThat(stats.connectionsOpened()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(VenueId.class)
    void refusedSubscriptionGetsAnErrorAndARetrySucceeds(VenueId venue) throws Exception {
        MarketSimulator sim = start(Sims.oneVenue(venue));
        sim.faults(venue).refuseNextSubscriptions(1);
        RecordingClient client = connect(sim, venue);
        String subscribe = VenueWire.subscribe(venue, sim.symbol(venue, "BTC-USDT"));

        client.send(subscribe);
        String refusal = nextReply(client);
        assertThat(VenueWire.trades(venue, refusal)).isEmpty();
        assertThat(refusal).contains("error").doesNotContain("\"error\":null");
        assertThat(sim.isMarketStarted()).isFalse();
        client.send(subscribe);

        Await.until(
                () -> client.drain().stream().anyMatch(f -> !VenueWire.trades(venue, f).isEmpty()),
                WAIT,
                "trades after the retry on " + venue);
        assertThat(sim.faults(venue).stats().refusedSubscriptions()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(VenueId.class)
    void forcedDisconnectSendsTheVenueNoticeThenCloses(VenueId venue) throws Exception {
        MarketSimulator sim = start(Sims.oneVenue(venue));
        RecordingClient client = connect(sim, venue);
        Await.until(() -> sim.connectionCount(venue) == 1, WAIT, "the connection");
        client.drain();

        sim.faults(venue).forceDisconnect(Duration.ofMillis(100));

        assertThat(client.awaitClose(WAIT).code()).isEqualTo(1001);
        String expected =
                switch (venue) {
                    case BINANCE -> "\"e\":\"serverShutdown\"";
                    case OKX -> "\"code\":\"64008\"";
                    case BITSTAMP -> "\"event\":\"bts:request_reconnect\"";
                    default -> null;
                };
        List<String> frames = client.drain();
        if (expected != null) {
            assertThat(frames).anySatisfy(f -> assertThat(f).contains(expected));
        }
        assertThat(sim.faults(venue).stats().forcedDisconnects()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = VenueId.class,
            names = {"BYBIT", "OKX", "KRAKEN", "BITSTAMP", "GATEIO"})
    void applicationPingsAreAnsweredLateOrNotAtAll(VenueId venue) throws Exception {
        MarketSimulator sim = start(Sims.oneVenue(venue));
        RecordingClient client = connect(sim, venue);
        client.drain();

        client.send(VenueWire.ping(venue));
        assertThat(VenueWire.isPong(venue, nextNonTrade(venue, client))).isTrue();
        sim.faults(venue).stopAnsweringPings();
        client.send(VenueWire.ping(venue));
        Await.until(() -> sim.faults(venue).stats().ignoredPings() == 1, WAIT, "ignored ping");
        sim.faults(venue).answerPingsLate(Duration.ofMillis(300));
        long sent = System.nanoTime();
        client.send(VenueWire.ping(venue));

        assertThat(VenueWire.isPong(venue, nextNonTrade(venue, client))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - sent))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(sim.faults(venue).stats().delayedPongs()).isEqualTo(1);
    }

    // ---- helpers ----

    private static void assertIdScheme(VenueId venue, List<VenueTrade> trades) {
        for (int i = 1; i < trades.size(); i++) {
            String previous = trades.get(i - 1).tradeId();
            String id = trades.get(i).tradeId();
            switch (venue) {
                case BINANCE, OKX, COINBASE, KRAKEN ->
                        assertThat(Long.parseLong(id)).isEqualTo(Long.parseLong(previous) + 1);
                case BITSTAMP, GATEIO ->
                        assertThat(Long.parseLong(id)).isGreaterThan(Long.parseLong(previous));
                case BYBIT ->
                        assertThat(id)
                                .matches(
                                        "[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
                                .isNotEqualTo(previous);
            }
        }
    }

    private static List<SeenTrade> collect(VenueId venue, RecordingClient client, int count)
            throws InterruptedException {
        List<SeenTrade> out = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (out.size() < count) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            out.addAll(VenueWire.trades(venue, client.next(left)));
        }
        assertThat(out).hasSize(count);
        return out;
    }

    private static String nextNonTrade(VenueId venue, RecordingClient client)
            throws InterruptedException {
        String frame;
        do {
            frame = client.next(WAIT);
        } while (!VenueWire.trades(venue, frame).isEmpty()
                || frame.contains("heartbeat\"}")
                || frame.contains("\"channel\":\"status\""));
        return frame;
    }
}
