package dev.candleflow.simulator.kraken;

import static dev.candleflow.simulator.testutils.Sims.START;
import static dev.candleflow.simulator.testutils.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candleflow.simulator.MarketSimulator;
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
import java.util.List;
import org.junit.jupiter.api.Test;

class KrakenProtocolTest extends SimTestBase {

    @Test
    void statusAckSnapshotOfFiftyThenContiguousUpdatesWithNumbers() throws Exception {
        MarketSimulator sim =
                start(Sims.oneVenue(VenueId.KRAKEN).startOnFirstSubscription(false).speed(20));
        assertThat(sim.awaitEventTimeReached(START + 5_000, WAIT)).isTrue();
        RecordingClient client = connect(sim, VenueId.KRAKEN);
        assertThat(client.next(WAIT))
                .startsWith(
                        "{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"version\":\"2.0.0\",\"system\":\"online\"");

        client.send(
                "{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\",\"symbol\":[\"BTC/USDT\",\"FOO/BAR\"],\"snapshot\":true},\"req_id\":42}");
        JsonNode ack = VenueWire.json(nextReply(client));
        assertThat(ack.get("method").asText()).isEqualTo("subscribe");
        assertThat(ack.get("success").asBoolean()).isTrue();
        assertThat(ack.get("req_id").asInt()).isEqualTo(42);
        assertThat(ack.get("result").toString())
                .isEqualTo("{\"channel\":\"trade\",\"snapshot\":true,\"symbol\":\"BTC/USDT\"}");
        String snapshotText = nextReply(client);
        JsonNode snapshot = VenueWire.json(snapshotText);
        assertThat(snapshot.get("type").asText()).isEqualTo("snapshot");
        List<SeenTrade> snap = VenueWire.trades(VenueId.KRAKEN, snapshotText);
        assertThat(snap).hasSize(50);
        assertThat(snapshot.get("data").get(0).fieldNames())
                .toIterable()
                .containsExactly(
                        "symbol", "side", "price", "qty", "ord_type", "trade_id", "timestamp");
        assertThat(snapshotText)
                .containsPattern("\"price\":\\d+(\\.\\d+)?,\"qty\":\\d+(\\.\\d+)?,");
        JsonNode failure = VenueWire.json(nextReply(client));
        assertThat(failure.get("success").asBoolean()).isFalse();
        assertThat(failure.get("error").asText()).isEqualTo("Currency pair not supported FOO/BAR");
        assertThat(failure.get("symbol").asText()).isEqualTo("FOO/BAR");

        long last = Long.parseLong(snap.get(49).tradeId());
        for (int i = 1; i <= 20; i++) {
            String frame = nextReply(client);
            assertThat(VenueWire.json(frame).get("type").asText()).isEqualTo("update");
            assertThat(Long.parseLong(VenueWire.trades(VenueId.KRAKEN, frame).get(0).tradeId()))
                    .isEqualTo(last + i);
        }
        List<VenueTrade> published = Sims.published(sim, VenueId.KRAKEN, "BTC/USDT");
        VenueTrade first =
                published.stream()
                        .filter(t -> t.tradeId().equals(snap.get(0).tradeId()))
                        .findFirst()
                        .orElseThrow();
        assertThat(snap.get(0).sameAs(first)).isTrue();
    }

    @Test
    void heartbeatsWhenQuietAndPongsCarryTheRequestId() throws Exception {
        MarketSimulator sim =
                start(Sims.oneVenue(VenueId.KRAKEN).eventDuration(Duration.ofSeconds(1)));
        RecordingClient client = connect(sim, VenueId.KRAKEN);
        client.send(VenueWire.subscribe(VenueId.KRAKEN, "ETH/USDT"));
        assertThat(sim.awaitFinished(WAIT)).isTrue();

        String frame;
        do {
            frame = client.next(WAIT);
        } while (!frame.equals("{\"channel\":\"heartbeat\"}"));
        client.send("{\"method\":\"ping\",\"req_id\":101}");
        JsonNode pong = VenueWire.json(nextReply(client));
        assertThat(pong.fieldNames())
                .toIterable()
                .containsExactly("method", "req_id", "time_in", "time_out");
        assertThat(pong.get("req_id").asInt()).isEqualTo(101);
    }

    @Test
    void restTradesFollowSinceAndLastThroughThePublishedTrades() throws Exception {
        MarketSimulator sim =
                start(
                        Sims.oneVenue(VenueId.KRAKEN)
                                .eventDuration(Duration.ofSeconds(20))
                                .startOnFirstSubscription(false));
        assertThat(sim.awaitFinished(WAIT)).isTrue();
        List<VenueTrade> btc = Sims.published(sim, VenueId.KRAKEN, "BTC/USDT");
        long since = btc.get(9).eventTimeMicros();
        String sinceSeconds = since / 1_000_000 + "." + String.format("%06d", since % 1_000_000);

        JsonNode first = get(sim, "pair=XBTUSDT&count=100&since=" + sinceSeconds);
        assertThat(first.get("error").size()).isZero();
        JsonNode items = first.get("result").get("XBTUSDT");
        assertThat(items.size()).isEqualTo(100);
        assertThat(items.get(0).size()).isEqualTo(7);
        assertThat(items.get(0).get(0).asText()).matches("\\d+\\.\\d{5}");
        assertThat(items.get(0).get(1).asText()).matches("\\d+\\.\\d{8}");
        assertThat(items.get(0).get(2).isNumber()).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThat(items.get(i).get(6).asText()).isEqualTo(btc.get(10 + i).tradeId());
            assertThat(new BigDecimal(items.get(i).get(0).asText()))
                    .isEqualByComparingTo(btc.get(10 + i).price());
        }
        JsonNode second =
                get(sim, "pair=BTC/USDT&count=3&since=" + first.get("result").get("last").asText());
        assertThat(second.get("result").get("XBTUSDT").get(0).get(6).asText())
                .isEqualTo(btc.get(110).tradeId());
        assertThat(get(sim, "pair=DOGEUSD").toString())
                .isEqualTo("{\"error\":[\"EQuery:Unknown asset pair\"]}");
    }

    private static JsonNode get(MarketSimulator sim, String query) {
        Http.Response r = Http.get(sim.restBaseUri(VenueId.KRAKEN), "/0/public/Trades?" + query);
        assertThat(r.status()).isEqualTo(200);
        return VenueWire.json(r.body());
    }
}
