package dev.candleflow.protocol.binance;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.ParsedFrame.Malformed;
import java.math.BigDecimal;
import java.util.List;

/** Checks a parsed Binance {@code trade} event field by field before it becomes a trade. */
final class BinanceTrades {

    private BinanceTrades() {}

    static ParsedFrame toTrade(BinanceTradeMessage m, long receivedAtMicros) {
        if (m.symbol == null) {
            return missing("s");
        }
        if (m.tradeId == null) {
            return missing("t");
        }
        if (m.price == null) {
            return missing("p");
        }
        if (m.quantity == null) {
            return missing("q");
        }
        if (m.tradeTime == null) {
            return missing("T");
        }
        if (m.buyerIsMaker == null) {
            return missing("m");
        }
        InstrumentId instrument = BinanceSymbols.toInstrument(m.symbol);
        if (instrument == null) {
            return new Malformed("unknown_symbol", "cannot map symbol '" + m.symbol + "'");
        }
        Malformed bad = check(m, receivedAtMicros);
        if (bad != null) {
            return bad;
        }
        return new ParsedFrame.Trades(
                List.of(BinanceAdapter.trade(instrument, m, receivedAtMicros)));
    }

    /**
     * Checks the values of a trade whose fields are all present: positive exact decimals, a sane
     * time and a non-negative id.
     *
     * @return null when the trade is usable, else why not
     */
    static Malformed check(BinanceTradeMessage m, long receivedAtMicros) {
        String bad = checkPositive("price", m.price);
        if (bad == null) {
            bad = checkPositive("quantity", m.quantity);
        }
        if (bad != null) {
            return new Malformed(bad.startsWith("price") ? "bad_price" : "bad_quantity", bad);
        }
        if (m.tradeTime <= 0
                || m.tradeTime > Long.MAX_VALUE / 1000L
                || m.tradeTime * 1000L < BinanceAdapter.MIN_EVENT_TIME_MICROS
                || m.tradeTime * 1000L > receivedAtMicros + BinanceAdapter.MAX_CLOCK_AHEAD_MICROS) {
            return new Malformed("bad_timestamp", "trade time " + m.tradeTime + " ms is absurd");
        }
        if (m.tradeId < 0) {
            return new Malformed("bad_trade_id", "negative trade id " + m.tradeId);
        }
        return null;
    }

    private static ParsedFrame missing(String field) {
        return new Malformed("missing_field", "trade without a valid '" + field + "'");
    }

    /** Null when the text is an exact positive decimal, else what is wrong with it. */
    private static String checkPositive(String what, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return what + " '" + cut(text) + "' is not a decimal";
        }
        if (value.signum() <= 0) {
            return what + " " + cut(text) + " is not > 0";
        }
        if (value.precision() - value.scale() > 20 || value.scale() > 18) {
            return what + " " + cut(text) + " is out of range";
        }
        return null;
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
