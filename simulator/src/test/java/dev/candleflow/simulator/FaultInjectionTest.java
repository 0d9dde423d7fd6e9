package dev.candleflow.simulator;

import static dev.candleflow.simulator.testutils.BinanceFrames.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candleflow.simulator.fault.FaultPlan;
import dev.candleflow.simulator.fault.FaultStats;
import dev.candleflow.simulator.market.SimTrade;
import dev.candleflow.simulator.testutils.Await;
import dev.candleflow.simulator.testutils.BinanceFrames;
import dev.candleflow.simulator.testutils.RecordingClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault observably happens on the wire and is counted. */
class FaultInjectionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long START = 1_700_000_040_000L;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void withheldTradesNeverReachTheSocketButArePublished() throws Exception {
        BinanceSimulator sim = start(market(200).eventDuration(Duration.ofSeconds(20)));
        RecordingClient client = connect(sim.rawStreamUri("btcusdt@trade"));
        String first = client.next(WAIT);
        sim.faults().withhold(25);

        assertThat(sim.awaitFinished(WAIT)).isTrue();
        List<SimTrade> published = sim.publishedTrades();
        List<SimTrade> received = trades(client, published.size() - 26);
        received.add(0, BinanceFrames.trade(json(first)));

        assertThat(client.drain()).isEmpty();
        assertThat(published).containsAll(received);
        assertThat(published).hasSize(received.size() + 25);
        FaultStats stats = sim.faults().stats();
        assertThat(stats.withheldTrades()).isEqualTo(25);
        assertThat(stats.withheldRuns()).isEqualTo(1);
    }

    @Test
    void duplicatedAndReorderedFramesAreCountedAndCarryOnlyPublishedTrades() throws Exception {
        BinanceSimulator sim = start(market(100).eventDuration(Duration.ofSeconds(20)));
        RecordingClient client = connect(sim.rawStreamUri("btcusdt@trade"));
        client.next(WAIT);
        sim.faults().duplicateNext(4);
        sim.faults().reorderNext(3);

        assertThat(sim.awaitFinished(WAIT)).isTrue();
        List<SimTrade> published = sim.publishedTrades();
        List<SimTrade> received = trades(client, published.size() + 4 - 1);

        assertThat(client.drain()).isEmpty();
        assertThat(new HashSet<>(received)).hasSize(published.size() - 1);
        assertThat(published).containsAll(received);
        long outOfOrder = 0;
        for (int i = 1; i < received.size(); i++) {
            outOfOrder += received.get(i).tradeId() < received.get(i - 1).tradeId() ? 1 : 0;
        }
        assertThat(outOfOrder).isEqualTo(3);
        FaultStats stats = sim.faults().stats();
        assertThat(stats.duplicatedFrames()).isEqualTo(4);
        assertThat(stats.reorderedTrades()).isEqualTo(3);
    }

    @Test
    void garbageAndTruncatedFramesArriveAtTheirRates() throws Exception {
        BinanceSimulator sim =
                start(
                        market(100)
                                .eventDuration(Duration.ofSeconds(20))
                                .faultPlan(
                                        FaultPlan.builder()
                                                .garbageRate(0.05)
                                                .truncateRate(0.03)
                                                .seed(9)
                                                .build()));
        RecordingClient client = connect(sim.rawStreamUri("btcusdt@trade"));

        assertThat(sim.awaitFinished(WAIT)).isTrue();
        FaultStats stats = sim.faults().stats();
        int published = sim.publishedTrades().size();
        List<String> frames = client.next((int) (published + stats.garbageFrames()), WAIT);

        long unreadable = frames.stream().filter(f -> !isJsonObject(f)).count();
        assertThat(stats.garbageFrames()).isPositive();
        assertThat(stats.truncatedFrames()).isPositive();
        assertThat(unreadable).isEqualTo(stats.garbageFrames() + stats.truncatedFrames());
        assertThat(client.drain()).isEmpty();
    }

    @Test
    void stallKeepsTheSocketOpenAndSilentThenResumes() throws Exception {
        BinanceSimulator sim = start(market(100));
        RecordingClient client = connect(URI.create(sim.wsBaseUri() + "/ws"));
        sim.faults().stall(Duration.ofSeconds(30));

        // The ack and every trade fall into the stall; the subscription itself still opens the
        // market.
        client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":1}");
        Await.until(() -> sim.publishedTradeCount() > 50, WAIT, "trades during the stall");
        client.sendPing();
        Await.until(
                () -> sim.faults().stats().stalledFrames() > 50, WAIT, "frames held by the stall");
        assertThat(client.drain()).isEmpty();
        assertThat(client.isOpen()).isTrue();

        sim.faults().resume();
        assertThat(BinanceFrames.trade(json(client.next(WAIT))).tradeId()).isPositive();
        assertThat(sim.faults().stats().stalls()).isEqualTo(1);
    }

    @Test
    void refusedSubscriptionsGetBinanceErrorsAndUrlSubscriptionsFailTheHandshake()
            throws Exception {
        BinanceSimulator sim = start(market(20));
        sim.faults().refuseNextSubscriptions(2);
        RecordingClient client = connect(URI.create(sim.wsBaseUri() + "/ws"));

        client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":1}");
        JsonNode error = json(client.next(WAIT));
        assertThat(error.at("/error/code").asInt()).isEqualTo(2);
        assertThat(error.get("id").asInt()).isEqualTo(1);
        assertThat(RecordingClient.tryConnect(sim.rawStreamUri("btcusdt@trade"))).isFalse();
        client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":2}");

        assertThat(client.next(WAIT)).isEqualTo("{\"result\":null,\"id\":2}");
        assertThat(sim.faults().stats().refusedSubscriptions()).isEqualTo(2);
    }

    @Test
    void clientPingsAreAnsweredLateOrNotAtAll() throws Exception {
        BinanceSimulator sim = start(market(20));
        RecordingClient client = connect(URI.create(sim.wsBaseUri() + "/ws"));

        sim.faults().stopAnsweringPings();
        client.sendPing();
        Await.until(() -> sim.faults().stats().ignoredPings() == 1, WAIT, "the ignored ping");
        sim.faults().answerPingsLate(Duration.ofMillis(300));
        long sent = System.nanoTime();
        client.sendPing();
        Await.until(() -> client.pongCount() == 1, WAIT, "the late pong");

        assertThat(Duration.ofNanos(client.lastPongNanos() - sent))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        sim.faults().answerPingsNormally();
        client.sendPing();
        Await.until(() -> client.pongCount() == 2, WAIT, "a prompt pong");
        assertThat(sim.faults().stats().delayedPongs()).isEqualTo(1);
    }

    @Test
    void forcedDisconnectSendsServerShutdownThenCloses() throws Exception {
        BinanceSimulator sim = start(market(20));
        RecordingClient raw = connect(URI.create(sim.wsBaseUri() + "/ws"));
        RecordingClient combined = connect(URI.create(sim.wsBaseUri() + "/stream"));
        Await.until(() -> sim.connectionCount() == 2, WAIT, "both connections");

        sim.faults().forceDisconnect(Duration.ofMillis(50));

        assertThat(json(raw.next(WAIT)).get("e").asText()).isEqualTo("serverShutdown");
        JsonNode wrapped = json(combined.next(WAIT));
        assertThat(wrapped.get("stream").asText()).isEqualTo("!serverShutdown");
        assertThat(wrapped.at("/data/e").asText()).isEqualTo("serverShutdown");
        assertThat(raw.awaitClose(WAIT).code()).isEqualTo(1001);
        assertThat(combined.awaitClose(WAIT).code()).isEqualTo(1001);
        assertThat(sim.faults().stats().forcedDisconnects()).isEqualTo(2);
    }

    @Test
    void scheduledDropsAndTheMaximumConnectionAgeCloseConnections() throws Exception {
        BinanceSimulator dropping =
                start(
                        market(20)
                                .startOnFirstSubscription(false)
                                .faultPlan(
                                        FaultPlan.builder()
                                                .dropEvery(Duration.ofMillis(200))
                                                .build()));
        BinanceSimulator aging = start(market(20).maxConnectionAge(Duration.ofMillis(200)));
        RecordingClient dropped = connect(URI.create(dropping.wsBaseUri() + "/ws"));
        RecordingClient aged = connect(URI.create(aging.wsBaseUri() + "/ws"));

        assertThat(dropped.awaitClose(WAIT).code()).isEqualTo(1006);
        assertThat(aged.awaitClose(WAIT).code()).isEqualTo(1001);
        assertThat(dropping.faults().stats().dropEvents()).isPositive();
        assertThat(dropping.faults().stats().connectionsDropped()).isPositive();
        assertThat(aging.faults().stats().forcedDisconnects()).isEqualTo(1);
    }

    // ---- helpers ----

    private static BinanceSimulatorBuilder market(double speed) {
        return BinanceSimulator.builder()
                .symbols("BTCUSDT")
                .seed(5)
                .tradesPerSecond(20)
                .speed(speed)
                .startTimeMillis(START);
    }

    private static List<SimTrade> trades(RecordingClient client, int count)
            throws InterruptedException {
        List<SimTrade> out = new ArrayList<>();
        for (String frame : client.next(count, WAIT)) {
            out.add(BinanceFrames.trade(json(frame)));
        }
        return out;
    }

    private static boolean isJsonObject(String frame) {
        try {
            return json(frame).isObject();
        } catch (AssertionError e) {
            return false;
        }
    }

    private BinanceSimulator start(BinanceSimulatorBuilder builder) throws Exception {
        BinanceSimulator sim = builder.build();
        resources.add(sim);
        return sim.start();
    }

    private RecordingClient connect(URI uri) throws InterruptedException {
        RecordingClient client = RecordingClient.connect(uri);
        resources.add(0, client::closeBlocking);
        return client;
    }

    @SuppressWarnings("unused")
    private static Set<Long> ids(List<SimTrade> trades) {
        Set<Long> ids = new HashSet<>();
        trades.forEach(t -> ids.add(t.tradeId()));
        return ids;
    }
}
