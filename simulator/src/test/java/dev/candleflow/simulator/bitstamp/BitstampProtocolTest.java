package dev.candleflow.simulator.bitstamp;

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

class BitstampProtocolTest extends SimTestBase {

    @Test
    void subscriptionSucceedsTradesCarryExactStringsAndHeartbeatIsAnswered() throws Exception {
        MarketSimulator sim = start(Sims.oneVenue(VenueId.BITSTAMP));
        RecordingClient client = connect(sim, VenueId.BITSTAMP);

        client.send("{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"live_trades_btcusdt\"}}");
        assertThat(client.next(WAIT))
                .isEqualTo(
                        "{\"event\":\"bts:subscription_succeeded\",\"channel\":\"live_trades_btcusdt\",\"data\":{}}");
        JsonNode trade = VenueWire.json(client.next(WAIT));
        assertThat(trade.fieldNames()).toIterable().containsExactly("data", "channel", "event");
        assertThat(trade.get("data").fieldNames())
                .toIterable()
                .containsExactly(
                        "id",
                        "timestamp",
                        "amount",
                        "amount_str",
                        "price",
                        "price_str",
                        "type",
                        "microtimestamp",
                        "buy_order_id",
                        "sell_order_id");
        JsonNode data = trade.get("data");
        assertThat(data.get("amount_str").asText()).matches("\\d+\\.\\d{8}");
        assertThat(data.get("price_str").asText()).matches("\\d+\\.\\d{2}");
        assertThat(data.get("amount").isNumber()).isTrue();
        assertThat(data.get("microtimestamp").asLong() / 1_000_000)
                .isEqualTo(data.get("timestamp").asLong());

        client.send("{\"event\":\"bts:heartbeat\"}");
        String reply;
        do {
            reply = client.next(WAIT);
        } while (reply.contains("\"event\":\"trade\""));
        assertThat(reply)
                .isEqualTo(
                        "{\"event\":\"bts:heartbeat\",\"channel\":\"\",\"data\":{\"status\":\"success\"}}");
        client.send("{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"live_trades_dogeusd\"}}");
        do {
            reply = client.next(WAIT);
        } while (reply.contains("\"event\":\"trade\""));
        assertThat(VenueWire.json(reply).get("event").asText()).isEqualTo("bts:error");
    }

    @Test
    void transactionsCoverTheLastMinuteOrHourOfTheVenueClockNewestFirst() throws Exception {
        MarketSimulator sim =
                start(
                        Sims.oneVenue(VenueId.BITSTAMP)
                                .tradesPerSecond(5)
                                .speed(500)
                                .eventDuration(Duration.ofMinutes(3))
                                .startOnFirstSubscription(false));
        assertThat(sim.awaitFinished(WAIT)).isTrue();
        List<VenueTrade> btc = Sims.published(sim, VenueId.BITSTAMP, "btcusdt");
        long now =
                sim.publishedTrades(VenueId.BITSTAMP).stream()
                        .mapToLong(VenueTrade::eventTimeMicros)
                        .max()
                        .orElseThrow();
        List<VenueTrade> lastMinute =
                btc.stream().filter(t -> t.eventTimeMicros() > now - 60_000_000L).toList();

        JsonNode minute =
                Http.get(
                                sim.restBaseUri(VenueId.BITSTAMP),
                                "/api/v2/transactions/btcusdt/?time=minute")
                        .json();
        assertThat(minute.size()).isEqualTo(lastMinute.size());
        for (int i = 0; i < minute.size(); i++) {
            JsonNode item = minute.get(i);
            VenueTrade expected = lastMinute.get(lastMinute.size() - 1 - i);
            assertThat(item.fieldNames())
                    .toIterable()
                    .containsExactly("date", "tid", "amount", "type", "price");
            assertThat(item.get("tid").asText()).isEqualTo(expected.tradeId());
            assertThat(item.get("price").asText()).isEqualTo(expected.price().toPlainString());
            assertThat(item.get("amount").asText()).isEqualTo(expected.quantity().toPlainString());
        }
        JsonNode hour =
                Http.get(sim.restBaseUri(VenueId.BITSTAMP), "/api/v2/transactions/btcusdt/").json();
        assertThat(hour.size()).isEqualTo(btc.size());
        assertThat(
                        Http.get(sim.restBaseUri(VenueId.BITSTAMP), "/api/v2/transactions/dogeusd/")
                                .status())
                .isEqualTo(404);
        assertThat(
                        Http.get(
                                        sim.restBaseUri(VenueId.BITSTAMP),
                                        "/api/v2/transactions/btcusdt/?time=week")
                                .status())
                .isEqualTo(400);
    }
}
