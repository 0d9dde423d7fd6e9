package dev.candleflow.protocol;

import dev.candleflow.model.InstrumentId;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Maps symbols that glue base and quote together ({@code BTCUSDT}, {@code btcusd}) to canonical
 * instruments, by the venue's known quote assets. Longest quotes are tried first so that {@code
 * FDUSD} wins over {@code USD}.
 */
public final class SuffixSymbols implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> quotes;

    /** Symbols of a venue whose quote assets are {@code quotes} (any case). */
    public SuffixSymbols(List<String> quotes) {
        this.quotes =
                quotes.stream()
                        .map(q -> q.toUpperCase(Locale.ROOT))
                        .sorted(Comparator.comparingInt(String::length).reversed())
                        .toList();
    }

    /** {@code BTCUSDT} (any case) to {@code BTC-USDT}, or null when no known quote ends it. */
    public InstrumentId toInstrument(String nativeSymbol) {
        String s = nativeSymbol.toUpperCase(Locale.ROOT);
        for (String quote : quotes) {
            if (s.length() > quote.length() && s.endsWith(quote)) {
                try {
                    return new InstrumentId(s.substring(0, s.length() - quote.length()), quote);
                } catch (IllegalArgumentException e) {
                    return null; // characters an instrument cannot hold
                }
            }
        }
        return null;
    }

    /** {@code BTC-USDT} to {@code BTCUSDT}. */
    public static String upper(InstrumentId instrument) {
        return instrument.base() + instrument.quote();
    }

    /** {@code BTC-USD} to {@code btcusd}. */
    public static String lower(InstrumentId instrument) {
        return upper(instrument).toLowerCase(Locale.ROOT);
    }
}
