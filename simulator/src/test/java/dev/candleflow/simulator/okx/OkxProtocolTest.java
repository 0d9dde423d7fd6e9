package dev.candleflow.simulator.okx;

import static dev.candleflow.simulator.testutils.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candleflow.simulator.MarketSimulator;
import dev.candleflow.simulator.ProtocolSettings;
import dev.candleflow.simulator.testutils.Http;
import dev.candleflow.simulator.testutils.RecordingClient;
import dev.candleflow.simulator.testutils.SeenTrade;
import dev.candleflow.simulator.testutils.SimTestBase;
import dev.candleflow.simulator.testutils.Sims;
import dev.candleflow.simulator.testutils.VenueWire;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueTrade;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OkxProtocolTest extends SimTestBase {

    @Test
    void eachArgumentIsAcknowledgedOrRefusedAndTradesFollow() throws Exception {
        MarketSimulator sim = start(Sims.oneVenue(VenueId.OKX));
        RecordingClient client = connect(sim, VenueId.OKX);

        client.send(
                "{\"id\":\"7\",\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},"
                    + "{\"channel\":\"trades\",\"instId\":\"FOO-BAR\"}]}");
        JsonNode ack = VenueWire.json(client.next(WAIT));
        String connId = ack.get("connId").asText();
        assertThat(client.next(WAIT))
                .isEqualTo(
                        "{\"id\":\"7\",\"event\":\"error\",\"code\":\"60018\",\"msg\":\"Wrong URL"
                                + " or channel:trades,instId:FOO-BAR doesn't exist. Please use the"
                                + " correct URL, channel and parameters referring to API"
                                + " document.\",\"connId\":\""
                                + connId
                                + "\"}");
        assertThat(ack.toString())
                .isEqualTo(
                        "{\"id\":\"7\",\"event\":\"subscribe\",\"arg\":{\"channel\":\"trades\","
                                + "\"instId\":\"BTC-USDT\"},\"connId\":\""
                                + connId
                                + "\"}");
        JsonNode frame = VenueWire.json(client.next(WAIT));
        assertThat(frame.get("arg").toString())
                .isEqualTo("{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"}");
        JsonNode trade = frame.get("data").get(0);
        assertThat(trade.fieldNames())
                .toIterable()
                .containsExactly(
                        "instId", "tradeId", "px", "sz", "side", "ts", "count", "source", "seqId");
        assertThat(trade.get("px").asText()).doesNotEndWith("0");
        client.send("ping");
        String pong;
        do {
            pong = client.next(WAIT);
        } while (pong.startsWith("{\"arg\""));
        assertThat(pong).isEqualTo("pong");
    }

    @Test
    void businessPathServesUnaggregatedTradesAllAndRefusesTheTradesChannel() throws Exception {
        MarketSimulator sim = start(Sims.oneVenue(VenueId.OKX));
        RecordingClient client =
                connect(java.net.URI.create(sim.wsBaseUri(VenueId.OKX) + "/ws/v5/business"));

        client.send(
                "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"}]}");
        assertThat(VenueWire.json(client.next(WAIT)).get("code").asText()).isEqualTo("60018");
        client.send(
                "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades-all\",\"instId\":\"BTC-USDT\"}]}");
        assertThat(VenueWire.json(client.next(WAIT)).get("event").asText()).isEqualTo("subscribe");
        JsonNode frame = VenueWire.json(client.next(WAIT));
        assertThat(frame.get("arg").get("channel").asText()).isEqualTo("trades-all");
        assertThat(frame.get("data").get(0).fieldNames())
                .toIterable()
                .containsExactly("instId", "tradeId", "px", "sz", "side", "ts", "source");
        long first = frame.get("data").get(0).get("tradeId").asLong();
        JsonNode next = VenueWire.json(client.next(WAIT));
        assertThat(next.get("data").get(0).get("tradeId").asLong()).isEqualTo(first + 1);
    }

    @Test
    void quietConnectionIsCutAfterTheIdleTimeout() throws Exception {
        MarketSimulator sim =
                start(
                        Sims.oneVenue(VenueId.OKX)
                                .protocolSettings(
                                        new ProtocolSettings(
                                                Duration.ofSeconds(20),
                                                Duration.ofSeconds(60),
                                                Duration.ofSeconds(1),
                                                Duration.ofMillis(300))));
        RecordingClient quiet = connect(sim, VenueId.OKX);

        assertThat(quiet.awaitClose(WAIT).code()).isEqualTo(1006);
        assertThat(sim.faults(VenueId.OKX).stats().connectionsDropped()).isEqualTo(1);
    }

    @Test
    void historyTradesPagesByTradeIdAndTimeIncludingWithheldTrades() throws Exception {
        MarketSimulator sim =
                start(
                        Sims.oneVenue(VenueId.OKX)
                                .eventDuration(Duration.ofSeconds(20))
                                .startOnFirstSubscription(false));
        sim.faults(VenueId.OKX).withhold(40);
        assertThat(sim.awaitFinished(WAIT)).isTrue();
        List<VenueTrade> btc = Sims.published(sim, VenueId.OKX, "BTC-USDT");
        long before = Long.parseLong(btc.get(9).tradeId());
        long after = Long.parseLong(btc.get(40).tradeId());

        JsonNode window = get(sim, "instId=BTC-USDT&type=1&before=" + before + "&after=" + after);
        assertThat(window.get("code").asText()).isEqualTo("0");
        assertThat(trades(window)).hasSize(30);
        for (int i = 0; i < 30; i++) {
            // Newest first.
            assertThat(trades(window).get(i).sameAs(btc.get(39 - i))).isTrue();
        }
        assertThat(sim.faults(VenueId.OKX).stats().withheldTrades()).isEqualTo(40);
        List<SeenTrade> newest = trades(get(sim, "instId=BTC-USDT"));
        assertThat(newest).hasSize(100);
        assertThat(newest.get(0).sameAs(btc.get(btc.size() - 1))).isTrue();
        long ts = btc.get(50).eventTimeMillis();
        List<SeenTrade> byTime = trades(get(sim, "instId=BTC-USDT&type=2&limit=5&after=" + ts));
        assertThat(byTime)
                .allSatisfy(t -> assertThat(t.eventTimeMillis()).isLessThan(ts))
                .hasSize(5);
    }

    @Test
    void badRestRequestsGetOkxErrors() throws Exception {
        MarketSimulator sim = start(Sims.oneVenue(VenueId.OKX));
        Http.Response missing =
                Http.get(sim.restBaseUri(VenueId.OKX), "/api/v5/market/history-trades");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asText()).isEqualTo("50014");
        Http.Response unknown =
                Http.get(
                        sim.restBaseUri(VenueId.OKX),
                        "/api/v5/market/history-trades?instId=FOO-BAR");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().get("code").asText()).isEqualTo("51001");
        Http.Response bad =
                Http.get(
                        sim.restBaseUri(VenueId.OKX),
                        "/api/v5/market/history-trades?instId=BTC-USDT&after=x");
        assertThat(bad.json().get("msg").asText()).isEqualTo("Parameter after error");
    }

    private static JsonNode get(MarketSimulator sim, String query) {
        Http.Response r =
                Http.get(sim.restBaseUri(VenueId.OKX), "/api/v5/market/history-trades?" + query);
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static List<SeenTrade> trades(JsonNode response) {
        List<SeenTrade> out = new ArrayList<>();
        for (JsonNode d : response.get("data")) {
            out.add(
                    new SeenTrade(
                            d.get("instId").asText(),
                            d.get("tradeId").asText(),
                            new BigDecimal(d.get("px").asText()),
                            new BigDecimal(d.get("sz").asText()),
                            d.get("ts").asLong(),
                            d.get("side").asText().equals("buy")
                                    ? dev.candleflow.simulator.market.TradeSide.BUY
                                    : dev.candleflow.simulator.market.TradeSide.SELL));
        }
        return out;
    }
}
