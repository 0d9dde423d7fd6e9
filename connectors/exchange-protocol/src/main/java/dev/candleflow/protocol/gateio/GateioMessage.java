package dev.candleflow.protocol.gateio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.candleflow.protocol.JsonFrames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one Gate.io spot WebSocket v4 frame, or of one REST trade, that candleflow reads.
 * Mutable and used only within one parse.
 */
final class GateioMessage {
    String channel; // "spot.trades", "spot.pong"
    String event; // "subscribe", "update"
    String error; // flattened error object; null when absent or JSON null
    String type; // "upgrade" on service notices
    String msg;
    // result of a spot.trades update, or one REST trade
    String id;
    String createTimeMs; // "1606292218213.4578": milliseconds with a fraction
    String createTime; // seconds
    String side; // the taker's side
    String currencyPair; // "BTC_USDT"
    String amount;
    String price;

    static GateioMessage read(JsonParser p) throws IOException {
        GateioMessage m = new GateioMessage();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "channel" -> m.channel = JsonFrames.string(p, t);
                case "event" -> m.event = JsonFrames.string(p, t);
                case "error" ->
                        m.error = t == JsonToken.VALUE_NULL ? null : JsonFrames.flatten(p, t);
                case "type" -> m.type = JsonFrames.string(p, t);
                case "msg" -> m.msg = JsonFrames.scalar(p, t);
                case "result" -> readResult(p, t, m);
                default -> p.skipChildren();
            }
        }
        return m;
    }

    /** A REST {@code /spot/trades} array; elements that are no objects become empty. */
    static List<GateioMessage> readTrades(JsonParser p) throws IOException {
        List<GateioMessage> trades = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            GateioMessage m = new GateioMessage();
            readResult(p, e, m);
            trades.add(m);
        }
        return trades;
    }

    private static void readResult(JsonParser p, JsonToken t, GateioMessage m) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "id" -> m.id = JsonFrames.scalar(p, v);
                case "create_time_ms" -> m.createTimeMs = JsonFrames.scalar(p, v);
                case "create_time" -> m.createTime = JsonFrames.scalar(p, v);
                case "side" -> m.side = JsonFrames.string(p, v);
                case "currency_pair" -> m.currencyPair = JsonFrames.string(p, v);
                case "amount" -> m.amount = JsonFrames.string(p, v);
                case "price" -> m.price = JsonFrames.string(p, v);
                default -> p.skipChildren();
            }
        }
    }
}
