package dev.candleflow.protocol.bybit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.candleflow.protocol.JsonFrames;
import java.io.IOException;
import java.util.List;

/**
 * The fields of one Bybit v5 public frame that candleflow reads, filled by a streaming parse.
 * Mutable and used only within one parse.
 */
final class BybitMessage {
    String topic; // "publicTrade.BTCUSDT"
    String type; // "snapshot", or "COMMAND_RESP" for option/spread acks
    String op; // "subscribe", "ping", "pong" on control frames
    Boolean success;
    String retMsg;
    boolean hasData;
    List<BybitTrade> data; // null when "data" is not an array (option acks carry an object)

    /** One element of {@code data}; null fields were absent or of the wrong JSON type. */
    record BybitTrade(
            String time,
            String symbol,
            String side,
            String size,
            String price,
            String id,
            String seq) {}

    static BybitMessage read(JsonParser p) throws IOException {
        BybitMessage m = new BybitMessage();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "topic" -> m.topic = JsonFrames.string(p, t);
                case "type" -> m.type = JsonFrames.string(p, t);
                case "op" -> m.op = JsonFrames.string(p, t);
                case "success" -> m.success = JsonFrames.bool(p, t);
                case "ret_msg" -> m.retMsg = JsonFrames.scalar(p, t);
                case "data" -> {
                    m.hasData = true;
                    m.data = readTrades(p, t);
                }
                default -> p.skipChildren();
            }
        }
        return m;
    }

    private static List<BybitTrade> readTrades(JsonParser p, JsonToken t) throws IOException {
        return JsonFrames.array(p, t, BybitMessage::readTrade);
    }

    private static BybitTrade readTrade(JsonParser p, JsonToken t) throws IOException {
        String time = null, symbol = null, side = null, size = null, price = null;
        String id = null, seq = null;
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return new BybitTrade(null, null, null, null, null, null, null);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "T" -> time = v == JsonToken.VALUE_NUMBER_INT ? p.getText() : skip(p);
                case "s" -> symbol = JsonFrames.string(p, v);
                case "S" -> side = JsonFrames.string(p, v);
                case "v" -> size = JsonFrames.string(p, v);
                case "p" -> price = JsonFrames.string(p, v);
                case "i" -> id = JsonFrames.string(p, v);
                case "seq" -> seq = v == JsonToken.VALUE_NUMBER_INT ? p.getText() : skip(p);
                default -> p.skipChildren();
            }
        }
        return new BybitTrade(time, symbol, side, size, price, id, seq);
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }
}
