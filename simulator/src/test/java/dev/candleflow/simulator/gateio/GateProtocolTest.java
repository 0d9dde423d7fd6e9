package dev.candleflow.simulator.gateio;

import static dev.candleflow.simulator.testutils.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candleflow.simulator.MarketSimulator;
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

class GateProtocolTest extends SimTestBase {

    @Test
    void subscribeSucceedsUpdatesCarryMarketAndGlobalIdsAndPingGetsPong() throws Exception {
        MarketSimulator sim = start(Sims.oneVenue(VenueId.GATEIO));
        RecordingClient client = connect(sim, VenueId.GATEIO);

        client.send(
                "{\"time\":1,\"id\":5,\"channel\":\"spot.trades\",\"event\":\"subscribe\",\"payload\":[\"BTC_USDT\",\"ETH_USDT\"]}");
        JsonNode ack = VenueWire.json(client.next(WAIT));
        assertThat(ack.fieldNames())
                .toIterable()
                .containsExactly("time", "time_ms", "id", "channel", "event", "error", "result");
        assertThat(ack.get("error").isNull()).isTrue();
        assertThat(ack.get("result").toString()).isEqualTo("{\"status\":\"success\"}");
        long previousMarket = -1;
        long previousGlobal = -1;
        for (int i = 0; i < 40; i++) {
            JsonNode update = VenueWire.json(client.next(WAIT));
            assertThat(update.get("event").asText()).isEqualTo("update");
            JsonNode r = update.get("result");
            assertThat(r.fieldNames())
                    .toIterable()
                    .containsExactly(
                            "id",
                            "id_market",
                            "create_time",
                            "create_time_ms",
                            "side",
                            "currency_pair",
                            "amount",
                            "price",
                            "range");
            assertThat(r.get("id").asLong()).isGreaterThan(previousGlobal);
            previousGlobal = r.get("id").asLong();
            if (r.get("currency_pair").asText().equals("BTC_USDT")) {
                if (previousMarket >= 0) {
                    assertThat(r.get("id_market").asLong()).isEqualTo(previousMarket + 1);
                }
                previousMarket = r.get("id_market").asLong();
                assertThat(r.get("range").asText())
                        .isEqualTo(previousMarket + "-" + previousMarket);
            }
        }
        client.send("{\"time\":1,\"channel\":\"spot.ping\"}");
        String pong;
        do {
            pong = client.next(WAIT);
        } while (pong.contains("\"event\":\"update\""));
        assertThat(VenueWire.json(pong).get("channel").asText()).isEqualTo("spot.pong");
        client.send(
                "{\"time\":1,\"channel\":\"spot.trades\",\"event\":\"subscribe\",\"payload\":[\"FOO_BAR\"]}");
        String error;
        do {
            error = client.next(WAIT);
        } while (error.contains("\"event\":\"update\""));
        assertThat(VenueWire.json(error).get("error").get("code").asInt()).isEqualTo(2);
    }

    @Test
    void spotTradesPageByLastIdBothWays() throws Exception {
        MarketSimulator sim =
                start(
                        Sims.oneVenue(VenueId.GATEIO)
                                .eventDuration(Duration.ofSeconds(10))
                                .startOnFirstSubscription(false));
        assertThat(sim.awaitFinished(WAIT)).isTrue();
        List<VenueTrade> btc = Sims.published(sim, VenueId.GATEIO, "BTC_USDT");
        String lastId = btc.get(30).tradeId();

        JsonNode forward = get(sim, "currency_pair=BTC_USDT&limit=20&last_id=" + lastId);
        assertThat(forward.size()).isEqualTo(20);
        for (int i = 0; i < 20; i++) {
            JsonNode item = forward.get(i);
            VenueTrade expected = btc.get(31 + i);
            assertThat(item.fieldNames())
                    .toIterable()
                    .containsExactly(
                            "id",
                            "create_time",
                            "create_time_ms",
                            "currency_pair",
                            "side",
                            "amount",
                            "price",
                            "sequence_id");
            assertThat(item.get("id").asText()).isEqualTo(expected.tradeId());
            assertThat(item.get("sequence_id").asLong()).isEqualTo(expected.sequence());
            assertThat(item.get("price").asText()).isEqualTo(expected.price().toPlainString());
        }
        JsonNode back = get(sim, "currency_pair=BTC_USDT&limit=5&reverse=true&last_id=" + lastId);
        assertThat(back.get(0).get("id").asText()).isEqualTo(btc.get(29).tradeId());
        assertThat(back.get(4).get("id").asText()).isEqualTo(btc.get(25).tradeId());
        assertThat(get(sim, "currency_pair=BTC_USDT&limit=1").get(0).get("id").asText())
                .isEqualTo(btc.get(btc.size() - 1).tradeId());
        Http.Response unknown =
                Http.get(
                        sim.restBaseUri(VenueId.GATEIO),
                        "/api/v4/spot/trades?currency_pair=FOO_BAR");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("label").asText()).isEqualTo("INVALID_CURRENCY_PAIR");
    }

    private static JsonNode get(MarketSimulator sim, String query) {
        Http.Response r = Http.get(sim.restBaseUri(VenueId.GATEIO), "/api/v4/spot/trades?" + query);
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }
}
