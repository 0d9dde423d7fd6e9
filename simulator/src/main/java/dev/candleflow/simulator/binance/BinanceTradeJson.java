package dev.candleflow.simulator.binance;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.candleflow.simulator.market.SimTrade;
import dev.candleflow.simulator.venue.VenueTrade;
import java.util.Locale;

/**
 * Binance wire text for the {@code <symbol>@trade} stream, written by hand so that field order,
 * compactness and the 8-decimal number strings match what the venue sends.
 *
 * <p>Raw payload, as on {@code /ws/bnbbtc@trade}:
 *
 * <pre>{@code
 * {"e":"trade","E":1672515782136,"s":"BNBBTC","t":12345,"p":"0.00100000","q":"100.00000000",
 *  "T":1672515782136,"m":true,"M":true}
 * }</pre>
 *
 * On {@code /stream?streams=bnbbtc@trade} it is wrapped as {@code
 * {"stream":"bnbbtc@trade","data":<payload>}}.
 */
public final class BinanceTradeJson {

    /** Stream suffix of the trade channel. */
    public static final String TRADE_SUFFIX = "@trade";

    private BinanceTradeJson() {}

    /** {@code BTCUSDT} becomes {@code btcusdt@trade}; Binance stream names are lower case. */
    public static String streamName(String symbol) {
        return symbol.toLowerCase(Locale.ROOT) + TRADE_SUFFIX;
    }

    /** The raw payload of a venue trade; {@code E} and {@code T} carry its time in ms. */
    public static String payload(VenueTrade trade) {
        return new StringBuilder(160)
                .append("{\"e\":\"trade\",\"E\":")
                .append(trade.eventTimeMillis())
                .append(",\"s\":\"")
                .append(trade.symbol())
                .append("\",\"t\":")
                .append(trade.tradeId())
                .append(",\"p\":\"")
                .append(trade.price().toPlainString())
                .append("\",\"q\":\"")
                .append(trade.quantity().toPlainString())
                .append("\",\"T\":")
                .append(trade.eventTimeMillis())
                .append(",\"m\":")
                .append(trade.takerSide().buyerIsMaker())
                .append(",\"M\":true}")
                .toString();
    }

    /** The raw payload; both {@code E} and {@code T} carry the trade's event time. */
    public static String payload(SimTrade trade) {
        // toPlainString: BigDecimal.toString may switch to exponent notation for small values.
        return new StringBuilder(160)
                .append("{\"e\":\"trade\",\"E\":")
                .append(trade.eventTimeMillis())
                .append(",\"s\":\"")
                .append(trade.symbol())
                .append("\",\"t\":")
                .append(trade.tradeId())
                .append(",\"p\":\"")
                .append(trade.price().toPlainString())
                .append("\",\"q\":\"")
                .append(trade.quantity().toPlainString())
                .append("\",\"T\":")
                .append(trade.eventTimeMillis())
                .append(",\"m\":")
                .append(trade.buyerIsMaker())
                .append(",\"M\":true}")
                .toString();
    }

    /** Combined-stream envelope around an already serialized payload. */
    public static String wrap(String stream, String payload) {
        char[] quoted = JsonStringEncoder.getInstance().quoteAsString(stream);
        return new StringBuilder(payload.length() + stream.length() + 24)
                .append("{\"stream\":\"")
                .append(quoted)
                .append("\",\"data\":")
                .append(payload)
                .append('}')
                .toString();
    }
}
