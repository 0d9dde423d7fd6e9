package dev.candleflow.simulator.coinbase;

import dev.candleflow.simulator.market.TradeSide;
import dev.candleflow.simulator.venue.VenueTrade;
import dev.candleflow.simulator.venue.WireText;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Coinbase's wire text for trades: {@code match}/{@code last_match} messages, REST trade items, and
 * the feed {@code sequence} of a trade. {@code side} is the maker's side, the opposite of the
 * taker's.
 */
final class CoinbaseMessages {

    private CoinbaseMessages() {}

    /**
     * The feed sequence of a trade: per product and growing, with gaps where order-book messages of
     * the full feed would be.
     */
    static long sequence(VenueTrade t) {
        return t.sequence() * 3L + 7L;
    }

    static String makerSide(VenueTrade t) {
        return t.takerSide() == TradeSide.BUY ? "sell" : "buy";
    }

    /**
     * {@code {"type":"match","trade_id":..,"maker_order_id":..,"taker_order_id":..,"side":..,
     * "size":..,"price":..,"product_id":..,"sequence":..,"time":..}}.
     */
    static String match(String type, VenueTrade t) {
        return new StringBuilder(320)
                .append("{\"type\":\"")
                .append(type)
                .append("\",\"trade_id\":")
                .append(t.tradeId())
                .append(",\"maker_order_id\":\"")
                .append(orderId("maker", t))
                .append("\",\"taker_order_id\":\"")
                .append(orderId("taker", t))
                .append("\",\"side\":\"")
                .append(makerSide(t))
                .append("\",\"size\":\"")
                .append(t.quantity().toPlainString())
                .append("\",\"price\":\"")
                .append(t.price().toPlainString())
                .append("\",\"product_id\":\"")
                .append(t.symbol())
                .append("\",\"sequence\":")
                .append(sequence(t))
                .append(",\"time\":\"")
                .append(WireText.isoMicros(t.eventTimeMicros()))
                .append("\"}")
                .toString();
    }

    /** A REST trade item: {@code {"time":..,"trade_id":..,"price":..,"size":..,"side":..}}. */
    static String restItem(VenueTrade t) {
        return "{\"time\":\""
                + WireText.isoMicros(t.eventTimeMicros())
                + "\",\"trade_id\":"
                + t.tradeId()
                + ",\"price\":\""
                + t.price().toPlainString()
                + "\",\"size\":\""
                + t.quantity().toPlainString()
                + "\",\"side\":\""
                + makerSide(t)
                + "\"}";
    }

    private static String orderId(String role, VenueTrade t) {
        byte[] name =
                (role + "|" + t.symbol() + "|" + t.tradeId()).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(name).toString();
    }
}
