package dev.candleflow.simulator.coinbase;

import static dev.candleflow.simulator.testutils.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candleflow.simulator.MarketSimulator;
import dev.candleflow.simulator.market.TradeSide;
import dev.candleflow.simulator.testutils.Await;
import dev.candleflow.simulator.testutils.Http;
import dev.candleflow.simulator.testutils.RecordingClient;
import dev.candleflow.simulator.testutils.SimTestBase;
import dev.candleflow.simulator.testutils.Sims;
import dev.candleflow.simulator.testutils.VenueWire;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueTrade;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoinbaseProtocolTest extends SimTestBase {

    private static final String SUBSCRIBE =
            "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USDT\"],\"channels\":[\"matches\",\"heartbeat\"]}";

    @Test
    void subscriptionsThenMatchesWithTheMakerSideAndHeartbeatsWithTheLastTradeId()
            throws Exception {
        MarketSimulator sim = start(Sims.oneVenue(VenueId.COINBASE));
        RecordingClient client = connect(sim, VenueId.COINBASE);

        client.send(SUBSCRIBE);
        assertThat(client.next(WAIT))
                .isEqualTo(
                        "{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"matches\",\"product_ids\":"
                            + "[\"BTC-USDT\"]},{\"name\":\"heartbeat\",\"product_ids\":[\"BTC-USDT\"]}]}");
        JsonNode match = VenueWire.json(nextOfType(client, "match"));
        assertThat(match.fieldNames())
                .toIterable()
                .containsExactly(
                        "type",
                        "trade_id",
                        "maker_order_id",
                        "taker_order_id",
                        "side",
                        "size",
                        "price",
                        "product_id",
                        "sequence",
                        "time");
        VenueTrade published = byId(sim, match.get("trade_id").asText());
        String makerSide = published.takerSide() == TradeSide.BUY ? "sell" : "buy";
        assertThat(match.get("side").asText()).isEqualTo(makerSide);
        assertThat(match.get("time").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        JsonNode heartbeat = VenueWire.json(nextOfType(client, "heartbeat"));
        assertThat(heartbeat.fieldNames())
                .toIterable()
                .containsExactly("type", "sequence", "last_trade_id", "product_id", "time");
        assertThat(heartbeat.get("last_trade_id").asLong())
                .isGreaterThanOrEqualTo(match.get("trade_id").asLong());

        RecordingClient late = connect(sim, VenueId.COINBASE);
        late.send(
                "{\"type\":\"subscribe\",\"channels\":[{\"name\":\"matches\",\"product_ids\":[\"BTC-USDT\"]}]}");
        late.next(WAIT);
        JsonNode lastMatch = VenueWire.json(late.next(WAIT));
        assertThat(lastMatch.get("type").asText()).isEqualTo("last_match");
        JsonNode next = VenueWire.json(nextOfType(late, "match"));
        assertThat(next.get("trade_id").asLong()).isEqualTo(lastMatch.get("trade_id").asLong() + 1);
    }

    @Test
    void heartbeatsKeepCountingWhileTradesAreWithheld() throws Exception {
        MarketSimulator sim = start(Sims.oneVenue(VenueId.COINBASE));
        RecordingClient client = connect(sim, VenueId.COINBASE);
        client.send(SUBSCRIBE);
        long lastMatch = VenueWire.json(nextOfType(client, "match")).get("trade_id").asLong();

        sim.faults(VenueId.COINBASE).withhold(1_000_000);
        long published = sim.publishedTradeCount(VenueId.COINBASE);
        Await.until(
                () -> sim.publishedTradeCount(VenueId.COINBASE) > published + 200,
                WAIT,
                "more trades");
        String heartbeat;
        long lastTradeId;
        do {
            heartbeat = nextOfType(client, "heartbeat");
            lastTradeId = VenueWire.json(heartbeat).get("last_trade_id").asLong();
        } while (lastTradeId < lastMatch + 20);
        // The heartbeat names trades the socket never carried: a gap the client can see.
        assertThat(lastTradeId).isGreaterThanOrEqualTo(lastMatch + 20);
        assertThat(sim.faults(VenueId.COINBASE).stats().withheldTrades()).isPositive();
    }

    @Test
    void invalidProductsAndMessagesGetErrors() throws Exception {
        MarketSimulator sim = start(Sims.oneVenue(VenueId.COINBASE));
        RecordingClient client = connect(sim, VenueId.COINBASE);

        client.send(
                "{\"type\":\"subscribe\",\"product_ids\":[\"FOO-BAR\"],\"channels\":[\"matches\"]}");
        assertThat(client.next(WAIT))
                .isEqualTo(
                        "{\"type\":\"error\",\"message\":\"Failed to"
                                + " subscribe\",\"reason\":\"FOO-BAR is not a valid product\"}");
        client.send(
                "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USDT\"],\"channels\":[\"full\"]}");
        assertThat(client.next(WAIT)).contains("full is not a valid channel");
        client.send("{not json");
        assertThat(VenueWire.json(client.next(WAIT)).get("type").asText()).isEqualTo("error");
    }

    @Test
    void productTradesPageByCursorsNewestFirst() throws Exception {
        MarketSimulator sim =
                start(
                        Sims.oneVenue(VenueId.COINBASE)
                                .eventDuration(Duration.ofSeconds(10))
                                .startOnFirstSubscription(false));
        assertThat(sim.awaitFinished(WAIT)).isTrue();
        List<VenueTrade> btc = Sims.published(sim, VenueId.COINBASE, "BTC-USDT");
        String cursor = btc.get(9).tradeId();

        Http.Response page =
                Http.get(
                        sim.restBaseUri(VenueId.COINBASE),
                        "/products/BTC-USDT/trades?limit=20&before=" + cursor);
        assertThat(page.status()).isEqualTo(200);
        JsonNode items = page.json();
        assertThat(items.size()).isEqualTo(20);
        for (int i = 0; i < 20; i++) {
            JsonNode item = items.get(i);
            VenueTrade expected = btc.get(29 - i);
            assertThat(item.fieldNames())
                    .toIterable()
                    .containsExactly("time", "trade_id", "price", "size", "side");
            assertThat(item.get("trade_id").asText()).isEqualTo(expected.tradeId());
            assertThat(item.get("price").asText()).isEqualTo(expected.price().toPlainString());
        }
        assertThat(page.header("CB-BEFORE")).isEqualTo(btc.get(29).tradeId());
        assertThat(page.header("CB-AFTER")).isEqualTo(btc.get(10).tradeId());
        JsonNode older =
                Http.get(
                                sim.restBaseUri(VenueId.COINBASE),
                                "/products/BTC-USDT/trades?limit=5&after=" + btc.get(10).tradeId())
                        .json();
        assertThat(older.get(0).get("trade_id").asText()).isEqualTo(btc.get(9).tradeId());
        assertThat(older.get(4).get("trade_id").asText()).isEqualTo(btc.get(5).tradeId());
        assertThat(Http.get(sim.restBaseUri(VenueId.COINBASE), "/products/FOO-BAR/trades").status())
                .isEqualTo(404);
        assertThat(
                        Http.get(
                                        sim.restBaseUri(VenueId.COINBASE),
                                        "/products/BTC-USDT/trades?limit=0")
                                .status())
                .isEqualTo(400);
    }

    private static String nextOfType(RecordingClient client, String type)
            throws InterruptedException {
        String frame;
        do {
            frame = client.next(WAIT);
        } while (!frame.startsWith("{\"type\":\"" + type + "\""));
        return frame;
    }

    private static VenueTrade byId(MarketSimulator sim, String id) {
        return sim.publishedTrades(VenueId.COINBASE).stream()
                .filter(t -> t.tradeId().equals(id) && t.symbol().equals("BTC-USDT"))
                .findFirst()
                .orElseThrow();
    }
}
