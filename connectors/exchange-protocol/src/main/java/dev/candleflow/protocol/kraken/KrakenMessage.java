package dev.candleflow.protocol.kraken;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.candleflow.protocol.JsonFrames;
import java.io.IOException;
import java.util.List;

/**
 * The fields of one Kraken WebSocket v2 frame that candleflow reads, filled by a streaming parse.
 * Mutable and used only within one parse.
 */
final class KrakenMessage {
    String channel; // "trade", "heartbeat", "status"
    String type; // "snapshot", "update"
    String method; // "subscribe", "pong" on responses
    Boolean success;
    String error;
    String symbol; // result.symbol of an ack, or the symbol of a failed request
    boolean hasData;
    List<KrakenTrade> data; // null when "data" is not an array

    /**
     * One element of {@code data}. Kraken v2 writes price and qty as JSON numbers: their wire text
     * is kept, never a double.
     */
    record KrakenTrade(
            String symbol,
            String side,
            String price,
            String qty,
            String tradeId,
            String timestamp) {}

    static KrakenMessage read(JsonParser p) throws IOException {
        KrakenMessage m = new KrakenMessage();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "channel" -> m.channel = JsonFrames.string(p, t);
                case "type" -> m.type = JsonFrames.string(p, t);
                case "method" -> m.method = JsonFrames.string(p, t);
                case "success" -> m.success = JsonFrames.bool(p, t);
                case "error" -> m.error = JsonFrames.flatten(p, t);
                case "symbol" -> m.symbol = JsonFrames.string(p, t);
                case "result" -> readResult(p, t, m);
                case "data" -> {
                    m.hasData = true;
                    m.data = readTrades(p, t);
                }
                default -> p.skipChildren();
            }
        }
        return m;
    }

    private static void readResult(JsonParser p, JsonToken t, KrakenMessage m) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("symbol")) {
                m.symbol = JsonFrames.string(p, v);
            } else {
                p.skipChildren();
            }
        }
    }

    private static List<KrakenTrade> readTrades(JsonParser p, JsonToken t) throws IOException {
        return JsonFrames.array(p, t, KrakenMessage::readTrade);
    }

    private static KrakenTrade readTrade(JsonParser p, JsonToken t) throws IOException {
        String symbol = null, side = null, price = null, qty = null, id = null, ts = null;
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return new KrakenTrade(null, null, null, null, null, null);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "symbol" -> symbol = JsonFrames.string(p, v);
                case "side" -> side = JsonFrames.string(p, v);
                case "price" -> price = JsonFrames.scalar(p, v);
                case "qty" -> qty = JsonFrames.scalar(p, v);
                case "trade_id" -> id = JsonFrames.scalar(p, v);
                case "timestamp" -> ts = JsonFrames.string(p, v);
                default -> p.skipChildren();
            }
        }
        return new KrakenTrade(symbol, side, price, qty, id, ts);
    }
}
