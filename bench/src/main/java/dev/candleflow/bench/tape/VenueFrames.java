package dev.candleflow.bench.tape;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One trade as each venue's WebSocket prints it, one trade per frame, after the recorded frames in
 * {@code connectors/exchange-protocol/src/test/resources/frames/}. The generator parses every frame
 * it renders with the venue's real adapter and compares, so a format drifting from what the
 * adapters read fails at generation, not as a silently cheaper benchmark.
 */
final class VenueFrames {

    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);
    private static final String MAKER_ORDER = "cac01d6d-8009-4c33-8e0d-f7f853d7c1bc";
    private static final String TAKER_ORDER = "3dec64e4-f6ad-4ca8-ad3f-e5b1a0eb0d06";

    private VenueFrames() {}

    /** What one trade looks like on the wire. */
    record Print(
            InstrumentId instrument,
            String tradeId,
            long sequence,
            long timeMillis,
            BigDecimal price,
            BigDecimal quantity,
            Side taker) {}

    /** Whether the venue numbers trades with UUIDs rather than numbers. */
    static boolean usesUuids(Venue venue) {
        return venue == Venue.BYBIT;
    }

    static String render(Venue venue, Print t) {
        return switch (venue) {
            case BINANCE -> binance(t);
            case BYBIT -> bybit(t);
            case OKX -> okx(t);
            case COINBASE -> coinbase(t);
            case KRAKEN -> kraken(t);
            case BITSTAMP -> bitstamp(t);
            case GATEIO -> gateio(t);
        };
    }

    private static String binance(Print t) {
        String symbol = t.instrument().base() + t.instrument().quote();
        return "{\"stream\":\""
                + symbol.toLowerCase(Locale.ROOT)
                + "@trade\",\"data\":{\"e\":\"trade\",\"E\":"
                + (t.timeMillis() + 1)
                + ",\"s\":\""
                + symbol
                + "\",\"t\":"
                + t.tradeId()
                + ",\"p\":\""
                + t.price().setScale(8).toPlainString()
                + "\",\"q\":\""
                + t.quantity().setScale(8).toPlainString()
                + "\",\"T\":"
                + t.timeMillis()
                + ",\"m\":"
                + (t.taker() == Side.SELL)
                + ",\"M\":true}}";
    }

    private static String bybit(Print t) {
        String symbol = t.instrument().base() + t.instrument().quote();
        return "{\"topic\":\"publicTrade."
                + symbol
                + "\",\"type\":\"snapshot\",\"ts\":"
                + (t.timeMillis() + 1)
                + ",\"data\":[{\"T\":"
                + t.timeMillis()
                + ",\"s\":\""
                + symbol
                + "\",\"S\":\""
                + (t.taker() == Side.BUY ? "Buy" : "Sell")
                + "\",\"v\":\""
                + t.quantity().toPlainString()
                + "\",\"p\":\""
                + t.price().toPlainString()
                + "\",\"L\":\"PlusTick\",\"i\":\""
                + t.tradeId()
                + "\",\"BT\":false,\"seq\":"
                + t.sequence()
                + "}]}";
    }

    private static String okx(Print t) {
        String instId = t.instrument().toString();
        return "{\"arg\":{\"channel\":\"trades-all\",\"instId\":\""
                + instId
                + "\"},\"data\":[{\"instId\":\""
                + instId
                + "\",\"tradeId\":\""
                + t.tradeId()
                + "\",\"px\":\""
                + t.price().toPlainString()
                + "\",\"sz\":\""
                + t.quantity().toPlainString()
                + "\",\"side\":\""
                + side(t.taker())
                + "\",\"source\":\"0\",\"ts\":\""
                + t.timeMillis()
                + "\"}]}";
    }

    private static String coinbase(Print t) {
        // Coinbase prints the maker's side; the taker took the other one.
        return "{\"type\":\"match\",\"trade_id\":"
                + t.tradeId()
                + ",\"maker_order_id\":\""
                + MAKER_ORDER
                + "\",\"taker_order_id\":\""
                + TAKER_ORDER
                + "\",\"side\":\""
                + (t.taker() == Side.BUY ? "sell" : "buy")
                + "\",\"size\":\""
                + t.quantity().toPlainString()
                + "\",\"price\":\""
                + t.price().toPlainString()
                + "\",\"product_id\":\""
                + t.instrument()
                + "\",\"sequence\":"
                + (t.sequence() + 201_390_075L)
                + ",\"time\":\""
                + iso(t.timeMillis())
                + "\"}";
    }

    private static String kraken(Print t) {
        return "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\""
                + t.instrument().base()
                + "/"
                + t.instrument().quote()
                + "\",\"side\":\""
                + side(t.taker())
                + "\",\"price\":"
                + t.price().toPlainString()
                + ",\"qty\":"
                + t.quantity().toPlainString()
                + ",\"ord_type\":\"market\",\"trade_id\":"
                + t.tradeId()
                + ",\"timestamp\":\""
                + iso(t.timeMillis())
                + "\"}]}";
    }

    private static String bitstamp(Print t) {
        String pair = (t.instrument().base() + t.instrument().quote()).toLowerCase(Locale.ROOT);
        String price = t.price().toPlainString();
        String amount = t.quantity().setScale(8).toPlainString();
        return "{\"data\":{\"id\":"
                + t.tradeId()
                + ",\"timestamp\":\""
                + t.timeMillis() / 1000
                + "\",\"amount\":"
                + t.quantity().stripTrailingZeros().toPlainString()
                + ",\"amount_str\":\""
                + amount
                + "\",\"price\":"
                + price
                + ",\"price_str\":\""
                + price
                + "\",\"type\":"
                + (t.taker() == Side.BUY ? 0 : 1)
                + ",\"microtimestamp\":\""
                + t.timeMillis() * 1000
                + "\",\"buy_order_id\":1443875737346049,\"sell_order_id\":1443875731320832},"
                + "\"channel\":\"live_trades_"
                + pair
                + "\",\"event\":\"trade\"}";
    }

    private static String gateio(Print t) {
        long seconds = t.timeMillis() / 1000;
        return "{\"time\":"
                + seconds
                + ",\"channel\":\"spot.trades\",\"event\":\"update\",\"result\":{\"id\":"
                + t.tradeId()
                + ",\"create_time\":"
                + seconds
                + ",\"create_time_ms\":\""
                + t.timeMillis()
                + ".000\",\"side\":\""
                + side(t.taker())
                + "\",\"currency_pair\":\""
                + t.instrument().base()
                + "_"
                + t.instrument().quote()
                + "\",\"amount\":\""
                + t.quantity().toPlainString()
                + "\",\"price\":\""
                + t.price().toPlainString()
                + "\",\"range\":\""
                + t.tradeId()
                + "-"
                + t.tradeId()
                + "\",\"id_market\":"
                + t.sequence()
                + "}}";
    }

    private static String side(Side taker) {
        return taker == Side.BUY ? "buy" : "sell";
    }

    private static String iso(long millis) {
        return ISO_MICROS.format(Instant.ofEpochMilli(millis));
    }
}
