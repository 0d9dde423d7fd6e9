package dev.candleflow.simulator;

import static dev.candleflow.simulator.testutils.BinanceFrames.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candleflow.simulator.market.SimTrade;
import dev.candleflow.simulator.testutils.BinanceFrames;
import dev.candleflow.simulator.testutils.RecordingClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Binance stream protocol as a client sees it: URL forms, frame shapes, control. */
class BinanceStreamProtocolTest {

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
    void combinedStreamDeliversExactlyThePublishedTradesWrapped() throws Exception {
        BinanceSimulator sim =
                start(
                        BinanceSimulator.builder()
                                .symbols("BTCUSDT", "ETHUSDT")
                                .seed(1)
                                .tradesPerSecond(50)
                                .speed(200)
                                .startTimeMillis(START)
                                .eventDuration(Duration.ofSeconds(10)));
        RecordingClient client = connect(sim.combinedStreamUri("btcusdt@trade", "ethusdt@trade"));

        assertThat(sim.awaitFinished(WAIT)).isTrue();
        List<SimTrade> published = sim.publishedTrades();
        assertThat(published).hasSizeGreaterThan(500);
        List<String> frames = client.next(published.size(), WAIT);

        for (String frame : frames) {
            JsonNode node = json(frame);
            assertThat(node.fieldNames()).toIterable().containsExactly("stream", "data");
            String symbol = node.get("data").get("s").asText();
            assertThat(node.get("stream").asText())
                    .isEqualTo(symbol.toLowerCase(Locale.ROOT) + "@trade");
            assertTradePayloadShape(node.get("data"));
        }
        assertThat(frames.stream().map(BinanceFrames::wrappedTrade).toList()).isEqualTo(published);
        assertThat(client.drain()).isEmpty();
        assertContiguousIds(published);
        assertThat(published)
                .allSatisfy(t -> assertThat(t.eventTimeMillis()).isBetween(START, START + 9_999));
        assertThat(sim.publishedTradeCount()).isEqualTo(published.size());
    }

    @Test
    void rawStreamDeliversUnwrappedPayloadsOfItsSymbolOnly() throws Exception {
        BinanceSimulator sim =
                start(
                        BinanceSimulator.builder()
                                .symbols("BTCUSDT", "ETHUSDT")
                                .tradesPerSecond(50)
                                .speed(100)
                                .eventDuration(Duration.ofSeconds(5)));
        RecordingClient client = connect(sim.rawStreamUri("btcusdt@trade"));

        assertThat(sim.awaitFinished(WAIT)).isTrue();
        List<SimTrade> btc =
                sim.publishedTrades().stream().filter(t -> t.symbol().equals("BTCUSDT")).toList();
        List<String> frames = client.next(btc.size(), WAIT);

        for (String frame : frames) {
            assertTradePayloadShape(json(frame));
        }
        assertThat(frames.stream().map(f -> BinanceFrames.trade(json(f))).toList()).isEqualTo(btc);
        assertThat(client.drain()).isEmpty();
    }

    @Test
    void subscribeOnTheBareEndpointIsAcknowledgedBeforeDataAndOpensTheMarket() throws Exception {
        BinanceSimulator sim =
                start(BinanceSimulator.builder().symbols("BTCUSDT").tradesPerSecond(50).speed(20));
        RecordingClient client = connect(URI.create(sim.wsBaseUri() + "/ws"));
        assertThat(sim.isMarketStarted()).isFalse();
        assertThat(sim.awaitEventStart(Duration.ofMillis(200))).as("no subscriber yet").isEmpty();

        client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":1}");

        assertThat(client.next(WAIT)).isEqualTo("{\"result\":null,\"id\":1}");
        assertThat(json(client.next(WAIT)).get("e").asText()).isEqualTo("trade");
        assertThat(sim.isMarketStarted()).isTrue();
        assertThat(sim.eventStartMillis()).isPresent();
        assertThat(sim.eventStartMillis().getAsLong() % 60_000).isZero();
        assertThat(sim.awaitEventStart(WAIT)).isEqualTo(sim.eventStartMillis());
    }

    @Test
    void noDataFollowsTheUnsubscribeAck() throws Exception {
        BinanceSimulator sim =
                start(BinanceSimulator.builder().symbols("BTCUSDT").tradesPerSecond(50).speed(20));
        RecordingClient client = connect(sim.rawStreamUri("btcusdt@trade"));
        client.next(WAIT);

        client.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":2}");
        String frame;
        do {
            frame = client.next(WAIT);
        } while (!frame.equals("{\"result\":null,\"id\":2}"));
        List<SimTrade> soFar = sim.publishedTrades();
        long lastSeen = soFar.get(soFar.size() - 1).eventTimeMillis();
        assertThat(sim.awaitEventTimeReached(lastSeen + 2_000, WAIT)).isTrue();

        // Replies are queued in order with data, so this reply flushes anything sent before it.
        client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}");
        assertThat(client.next(WAIT)).isEqualTo("{\"result\":[],\"id\":3}");
    }

    @Test
    void unknownSymbolIsAcceptedButSilentAndListedWithUrlStreams() throws Exception {
        BinanceSimulator sim =
                start(
                        BinanceSimulator.builder()
                                .symbols("BTCUSDT")
                                .tradesPerSecond(50)
                                .speed(100)
                                .eventDuration(Duration.ofSeconds(3)));
        RecordingClient client = connect(sim.combinedStreamUri("dogeusdt@trade", "btcusdt@trade"));

        assertThat(sim.awaitFinished(WAIT)).isTrue();
        List<String> frames = client.next(sim.publishedTrades().size(), WAIT);
        assertThat(frames)
                .allSatisfy(
                        f -> assertThat(json(f).get("stream").asText()).isEqualTo("btcusdt@trade"));
        client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}");
        assertThat(client.next(WAIT))
                .isEqualTo("{\"result\":[\"dogeusdt@trade\",\"btcusdt@trade\"],\"id\":3}");
    }

    @Test
    void invalidRequestsGetBinanceErrorsAndDoNotOpenTheMarket() throws Exception {
        BinanceSimulator sim = start(BinanceSimulator.builder().symbols("BTCUSDT"));
        RecordingClient client = connect(URI.create(sim.wsBaseUri() + "/ws"));

        client.send("not json");
        assertThat(json(client.next(WAIT)).at("/error/code").asInt()).isEqualTo(3);
        client.send("{\"method\":\"FOO\",\"params\":[],\"id\":9}");
        JsonNode error = json(client.next(WAIT));
        assertThat(error.at("/error/code").asInt()).isEqualTo(2);
        assertThat(error.at("/error/msg").asText()).startsWith("Invalid request");
        assertThat(error.get("id").asInt()).isEqualTo(9);
        assertThat(sim.isMarketStarted()).isFalse();
    }

    @Test
    void unknownPathIsRejected() throws Exception {
        BinanceSimulator sim = start(BinanceSimulator.builder().symbols("BTCUSDT"));
        assertThat(RecordingClient.tryConnect(URI.create(sim.wsBaseUri() + "/api/v3"))).isFalse();
        assertThat(RecordingClient.tryConnect(URI.create(sim.wsBaseUri() + "/ws"))).isTrue();
    }

    // ---- helpers ----

    private static void assertTradePayloadShape(JsonNode payload) {
        assertThat(payload.fieldNames())
                .toIterable()
                .containsExactly("e", "E", "s", "t", "p", "q", "T", "m", "M");
        assertThat(payload.get("e").asText()).isEqualTo("trade");
        assertThat(payload.get("E").asLong()).isEqualTo(payload.get("T").asLong());
        assertThat(payload.get("t").isIntegralNumber()).isTrue();
        assertThat(payload.get("m").isBoolean()).isTrue();
        assertThat(payload.get("M").asBoolean()).isTrue();
        for (String field : new String[] {"p", "q"}) {
            assertThat(payload.get(field).isTextual()).isTrue();
            BigDecimal value = new BigDecimal(payload.get(field).asText());
            assertThat(value.scale()).isEqualTo(8);
            assertThat(value.signum()).isPositive();
        }
    }

    private static void assertContiguousIds(List<SimTrade> trades) {
        Map<String, Long> last = new HashMap<>();
        for (SimTrade trade : trades) {
            Long previous = last.put(trade.symbol(), trade.tradeId());
            if (previous != null) {
                assertThat(trade.tradeId()).isEqualTo(previous + 1);
            }
        }
    }

    private BinanceSimulator start(BinanceSimulatorBuilder builder) throws IOException {
        BinanceSimulator sim = builder.build();
        resources.add(sim);
        return sim.start();
    }

    private RecordingClient connect(URI uri) throws InterruptedException {
        RecordingClient client = RecordingClient.connect(uri);
        resources.add(0, client::closeBlocking);
        return client;
    }
}
