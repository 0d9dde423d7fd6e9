package dev.candleflow.protocol.bitstamp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.candleflow.protocol.JsonFrames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one Bitstamp WebSocket v2 frame, or of one REST transaction, that candleflow reads.
 * Mutable and used only within one parse.
 */
final class BitstampMessage {
    String event; // "trade", "bts:subscription_succeeded", "bts:request_reconnect", ...
    String channel; // "live_trades_btcusd"
    String id; // data.id (WS) or tid (REST)
    String priceStr; // data.price_str (WS) or price (REST): exact text
    String amountStr; // data.amount_str (WS) or amount (REST): exact text
    String type; // 0 = buy, 1 = sell: the taker's side
    String microtimestamp; // WS, microseconds
    String timestamp; // WS timestamp or REST date, seconds
    String errorMessage; // data.message of bts:error

    static BitstampMessage read(JsonParser p) throws IOException {
        BitstampMessage m = new BitstampMessage();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "event" -> m.event = JsonFrames.string(p, t);
                case "channel" -> m.channel = JsonFrames.string(p, t);
                case "data" -> readData(p, t, m);
                default -> p.skipChildren();
            }
        }
        return m;
    }

    /** A REST {@code transactions} array; elements that are no objects become empty. */
    static List<BitstampMessage> readTransactions(JsonParser p) throws IOException {
        List<BitstampMessage> trades = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            BitstampMessage m = new BitstampMessage();
            if (e == JsonToken.START_OBJECT) {
                readFields(p, m, true);
            } else {
                p.skipChildren();
            }
            trades.add(m);
        }
        return trades;
    }

    private static void readData(JsonParser p, JsonToken t, BitstampMessage m) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        readFields(p, m, false);
    }

    /** WS trade data and REST transactions differ only in field names. */
    private static void readFields(JsonParser p, BitstampMessage m, boolean rest)
            throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (rest ? "rest." + name : name) {
                case "id", "rest.tid" -> m.id = JsonFrames.scalar(p, v);
                case "price_str", "rest.price" -> m.priceStr = JsonFrames.string(p, v);
                case "amount_str", "rest.amount" -> m.amountStr = JsonFrames.string(p, v);
                case "type", "rest.type" -> m.type = JsonFrames.scalar(p, v);
                case "microtimestamp" -> m.microtimestamp = JsonFrames.scalar(p, v);
                case "timestamp", "rest.date" -> m.timestamp = JsonFrames.scalar(p, v);
                case "message" -> m.errorMessage = JsonFrames.scalar(p, v);
                default -> p.skipChildren();
            }
        }
    }
}
