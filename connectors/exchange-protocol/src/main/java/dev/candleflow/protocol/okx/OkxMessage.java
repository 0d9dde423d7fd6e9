package dev.candleflow.protocol.okx;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.candleflow.protocol.JsonFrames;
import java.io.IOException;
import java.util.List;

/**
 * The fields of one OKX WebSocket frame or {@code history-trades} body that candleflow reads,
 * filled by a streaming parse. Mutable and used only within one parse.
 */
final class OkxMessage {
    String event; // "subscribe", "error", "notice", ...
    String code; // error, notice or REST result code
    String msg;
    String channel; // arg.channel
    String argInstId; // arg.instId
    boolean hasData; // "data" present
    List<OkxTrade> data; // null when "data" is not an array

    /** One element of {@code data}; null fields were absent or of the wrong JSON type. */
    record OkxTrade(String instId, String tradeId, String px, String sz, String side, String ts) {}

    static OkxMessage read(JsonParser p) throws IOException {
        OkxMessage m = new OkxMessage();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "event" -> m.event = JsonFrames.string(p, t);
                case "code" -> m.code = JsonFrames.scalar(p, t);
                case "msg" -> m.msg = JsonFrames.scalar(p, t);
                case "arg" -> readArg(p, t, m);
                case "data" -> {
                    m.hasData = true;
                    m.data = readTrades(p, t);
                }
                default -> p.skipChildren();
            }
        }
        return m;
    }

    private static void readArg(JsonParser p, JsonToken t, OkxMessage m) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "channel" -> m.channel = JsonFrames.string(p, v);
                case "instId" -> m.argInstId = JsonFrames.string(p, v);
                default -> p.skipChildren();
            }
        }
    }

    private static List<OkxTrade> readTrades(JsonParser p, JsonToken t) throws IOException {
        return JsonFrames.array(p, t, OkxMessage::readTrade);
    }

    private static OkxTrade readTrade(JsonParser p, JsonToken t) throws IOException {
        String instId = null, tradeId = null, px = null, sz = null, side = null, ts = null;
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return new OkxTrade(null, null, null, null, null, null);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "instId" -> instId = JsonFrames.string(p, v);
                case "tradeId" -> tradeId = JsonFrames.string(p, v);
                case "px" -> px = JsonFrames.string(p, v);
                case "sz" -> sz = JsonFrames.string(p, v);
                case "side" -> side = JsonFrames.string(p, v);
                case "ts" -> ts = JsonFrames.string(p, v);
                default -> p.skipChildren();
            }
        }
        return new OkxTrade(instId, tradeId, px, sz, side, ts);
    }
}
