package dev.candleflow.simulator;

import static dev.candleflow.simulator.testutils.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.simulator.fault.FaultPlan;
import dev.candleflow.simulator.fault.FaultStats;
import dev.candleflow.simulator.testutils.RecordingClient;
import dev.candleflow.simulator.testutils.RestPager;
import dev.candleflow.simulator.testutils.SeenTrade;
import dev.candleflow.simulator.testutils.SimTestBase;
import dev.candleflow.simulator.testutils.Sims;
import dev.candleflow.simulator.testutils.VenueWire;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueTrade;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Under dropped connections and withheld runs, a client that reconnects, resubscribes and then
 * backfills over REST ends up with exactly the published trades: nothing only on the socket by
 * mistake, nothing the REST API lacks, nothing lost.
 */
class BackfillUnionTest extends SimTestBase {

    @ParameterizedTest
    @EnumSource(value = VenueId.class, names = "BYBIT", mode = EnumSource.Mode.EXCLUDE)
    void socketPlusBackfillEqualsPublished(VenueId venue) throws Exception {
        MarketSimulator sim =
                start(
                        Sims.oneVenue(venue)
                                .tradesPerSecond(20)
                                .speed(20)
                                .eventDuration(Duration.ofSeconds(20))
                                .faultPlan(
                                        FaultPlan.builder()
                                                .dropEvery(Duration.ofMillis(350))
                                                .withholdEvery(Duration.ofMillis(200), 12)
                                                .seed(3)
                                                .build()));
        String btc = sim.symbol(venue, "BTC-USDT");
        List<RecordingClient> clients = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!sim.isFinished() && System.nanoTime() < deadline) {
            if (clients.isEmpty() || clients.get(clients.size() - 1).isClosed()) {
                RecordingClient client = connect(sim, venue);
                client.send(VenueWire.subscribe(venue, btc));
                clients.add(client);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        assertThat(sim.awaitFinished(WAIT)).isTrue();
        List<VenueTrade> published = Sims.published(sim, venue, btc);
        Map<String, SeenTrade> union = new LinkedHashMap<>();
        SeenTrade first = null;
        for (RecordingClient client : clients) {
            for (String frame : client.drain()) {
                for (SeenTrade t : VenueWire.trades(venue, frame)) {
                    assertThat(union.put(t.tradeId(), t))
                            .as("a trade twice on the socket")
                            .isNull();
                    first = first == null ? t : first;
                }
            }
        }
        int onSocket = union.size();
        backfill(sim, venue, btc, first, union);

        List<String> missing =
                published.stream()
                        .map(VenueTrade::tradeId)
                        .filter(id -> !union.containsKey(id))
                        .toList();
        assertThat(missing).as("published trades neither on the socket nor over REST").isEmpty();
        assertThat(union.size()).as("trades that were never published").isEqualTo(published.size());
        for (VenueTrade t : published) {
            assertThat(union.get(t.tradeId())).as("%s %s", venue, t).isNotNull();
            assertThat(sameValues(venue, union.get(t.tradeId()), SeenTrade.of(t)))
                    .as("%s %s", venue, t)
                    .isTrue();
        }
        FaultStats stats = sim.faults(venue).stats();
        assertThat(onSocket).isLessThan(published.size());
        assertThat(stats.dropEvents()).isPositive();
        assertThat(stats.withheldTrades()).isPositive();
        assertThat(stats.connectionsOpened()).isEqualTo(clients.size()).isGreaterThan(1);
        assertThat(stats.restRequests()).isPositive();
    }

    /** Pages forward from the first trade the socket delivered until the REST API has no more. */
    private static void backfill(
            MarketSimulator sim,
            VenueId venue,
            String symbol,
            SeenTrade from,
            Map<String, SeenTrade> into) {
        SeenTrade cursor = from;
        while (true) {
            boolean added = false;
            SeenTrade newest = cursor;
            for (SeenTrade t : RestPager.after(sim, venue, symbol, cursor)) {
                SeenTrade previous = into.putIfAbsent(t.tradeId(), t);
                assertThat(previous == null || sameValues(venue, previous, t))
                        .as("socket and REST agree on %s", t)
                        .isTrue();
                added |= previous == null;
                if (order(t) > order(newest)) {
                    newest = t;
                }
            }
            if (!added && newest == cursor) {
                return;
            }
            cursor = newest;
        }
    }

    private static long order(SeenTrade t) {
        return t.tradeId().matches("\\d+") ? Long.parseLong(t.tradeId()) : t.eventTimeMillis();
    }

    /** Same trade by value; Bitstamp's REST {@code date} has whole seconds only. */
    private static boolean sameValues(VenueId venue, SeenTrade a, SeenTrade b) {
        long unit = venue == VenueId.BITSTAMP ? 1000L : 1L;
        return a.tradeId().equals(b.tradeId())
                && a.price().compareTo(b.price()) == 0
                && a.quantity().compareTo(b.quantity()) == 0
                && a.eventTimeMillis() / unit == b.eventTimeMillis() / unit
                && a.takerSide() == b.takerSide();
    }
}
