package dev.candleflow.simulator.bybit;

import static dev.candleflow.simulator.testutils.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candleflow.simulator.MarketSimulator;
import dev.candleflow.simulator.testutils.RecordingClient;
import dev.candleflow.simulator.testutils.SimTestBase;
import dev.candleflow.simulator.testutils.Sims;
import dev.candleflow.simulator.testutils.VenueWire;
import dev.candleflow.simulator.venue.VenueId;
import java.net.URI;
import org.junit.jupiter.api.Test;

class BybitProtocolTest extends SimTestBase {

    @Test
    void subscribeIsAcknowledgedThenPublicTradeSnapshotsFlowAndPingGetsThePong() throws Exception {
        MarketSimulator sim = start(Sims.oneVenue(VenueId.BYBIT));
        RecordingClient client = connect(sim, VenueId.BYBIT);

        client.send(
                "{\"req_id\":\"10001\",\"op\":\"subscribe\",\"args\":[\"publicTrade.BTCUSDT\"]}");
        JsonNode ack = VenueWire.json(client.next(WAIT));
        assertThat(ack.fieldNames())
                .toIterable()
                .containsExactly("success", "ret_msg", "conn_id", "req_id", "op");
        assertThat(ack.get("success").asBoolean()).isTrue();
        assertThat(ack.get("ret_msg").asText()).isEqualTo("subscribe");
        assertThat(ack.get("req_id").asText()).isEqualTo("10001");
        JsonNode frame = VenueWire.json(client.next(WAIT));
        assertThat(frame.fieldNames()).toIterable().containsExactly("topic", "type", "ts", "data");
        assertThat(frame.get("topic").asText()).isEqualTo("publicTrade.BTCUSDT");
        assertThat(frame.get("type").asText()).isEqualTo("snapshot");
        JsonNode trade = frame.get("data").get(0);
        assertThat(trade.fieldNames())
                .toIterable()
                .containsExactly("T", "s", "S", "v", "p", "i", "BT", "RPI", "seq");
        assertThat(trade.get("S").asText()).isIn("Buy", "Sell");
        assertThat(trade.get("p").isTextual()).isTrue();
        assertThat(trade.get("p").asText()).matches("\\d+\\.\\d{2}");

        client.send("{\"op\":\"ping\"}");
        String pong;
        do {
            pong = client.next(WAIT);
        } while (pong.startsWith("{\"topic\""));
        assertThat(pong)
                .isEqualTo(
                        "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\""
                                + ack.get("conn_id").asText()
                                + "\",\"op\":\"ping\"}");
    }

    @Test
    void unknownTopicsTooManyArgsAndUnknownPathsAreRefused() throws Exception {
        MarketSimulator sim = start(Sims.oneVenue(VenueId.BYBIT));
        RecordingClient client = connect(sim, VenueId.BYBIT);

        client.send("{\"op\":\"subscribe\",\"args\":[\"publicTrade.DOGEUSDT\"]}");
        JsonNode error = VenueWire.json(client.next(WAIT));
        assertThat(error.get("success").asBoolean()).isFalse();
        assertThat(error.get("ret_msg").asText())
                .isEqualTo("error:handler not found,topic:publicTrade.DOGEUSDT");
        StringBuilder many = new StringBuilder("{\"op\":\"subscribe\",\"args\":[");
        for (int i = 0; i < 11; i++) {
            many.append(i == 0 ? "" : ",").append("\"publicTrade.BTCUSDT\"");
        }
        client.send(many.append("]}").toString());
        assertThat(VenueWire.json(client.next(WAIT)).get("ret_msg").asText()).contains("args size");
        assertThat(sim.isMarketStarted()).isFalse();
        assertThat(
                        RecordingClient.tryConnect(
                                URI.create(sim.wsBaseUri(VenueId.BYBIT) + "/v5/public/linear")))
                .isFalse();
        assertThatThrownBy(() -> sim.restBaseUri(VenueId.BYBIT))
                .isInstanceOf(IllegalStateException.class);
    }
}
