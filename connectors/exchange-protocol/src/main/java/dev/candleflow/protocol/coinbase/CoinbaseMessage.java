package dev.candleflow.protocol.coinbase;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.candleflow.protocol.JsonFrames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one Coinbase Exchange feed message, or of one element of a REST trades array, that
 * candleflow reads. Mutable and used only within one parse.
 */
final class CoinbaseMessage {
    String type; // "match", "last_match", "heartbeat", "subscriptions", "error"
    String productId;
    String tradeId; // number on the wire; kept as its text
    String side; // the MAKER's side
    String size;
    String price;
    String time; // RFC 3339, microseconds
    String lastTradeId; // heartbeat
    String message; // error
    String reason; // error

    static CoinbaseMessage read(JsonParser p) throws IOException {
        CoinbaseMessage m = new CoinbaseMessage();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "type" -> m.type = JsonFrames.string(p, t);
                case "product_id" -> m.productId = JsonFrames.string(p, t);
                case "trade_id" -> m.tradeId = integerText(p, t);
                case "side" -> m.side = JsonFrames.string(p, t);
                case "size" -> m.size = JsonFrames.string(p, t);
                case "price" -> m.price = JsonFrames.string(p, t);
                case "time" -> m.time = JsonFrames.string(p, t);
                case "last_trade_id" -> m.lastTradeId = integerText(p, t);
                case "message" -> m.message = JsonFrames.scalar(p, t);
                case "reason" -> m.reason = JsonFrames.scalar(p, t);
                default -> p.skipChildren();
            }
        }
        return m;
    }

    /** A REST page: an array of trade objects; other elements become empty messages. */
    static List<CoinbaseMessage> readArray(JsonParser p) throws IOException {
        List<CoinbaseMessage> trades = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e == JsonToken.START_OBJECT) {
                trades.add(read(p));
            } else {
                p.skipChildren();
                trades.add(new CoinbaseMessage());
            }
        }
        return trades;
    }

    /** Ids are JSON integers; a string of digits is accepted too, anything else is absent. */
    private static String integerText(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }
}
