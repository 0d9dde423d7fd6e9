package dev.candleflow.simulator.market;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A venue-independent instrument: base and quote asset in upper case. Each venue prints it its own
 * way ({@code BTCUSDT}, {@code BTC-USDT}, {@code BTC/USDT}, {@code btcusdt}, {@code BTC_USDT}).
 *
 * @param base base asset, e.g. {@code BTC}
 * @param quote quote asset, e.g. {@code USDT}; empty only for a Binance symbol that names no known
 *     quote asset, which then exists on Binance alone
 */
public record Instrument(String base, String quote) {

    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,20}");

    // Longest first, so that BTCFDUSD splits as BTC/FDUSD and not BTCFD/USD.
    private static final List<String> KNOWN_QUOTES =
            List.of(
                    "FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USD", "EUR", "GBP", "TRY", "BTC",
                    "ETH", "BNB");

    public Instrument {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        if (!ASSET.matcher(base).matches()
                || !(quote.isEmpty() || ASSET.matcher(quote).matches())) {
            throw new IllegalArgumentException(
                    "instrument assets must be upper-case letters and digits, was '"
                            + base
                            + "' / '"
                            + quote
                            + "'");
        }
    }

    /** Parses the canonical {@code BASE-QUOTE} form, e.g. {@code BTC-USDT}. */
    public static Instrument parse(String canonical) {
        Objects.requireNonNull(canonical, "canonical");
        String[] parts = canonical.trim().toUpperCase(Locale.ROOT).split("[-/_]");
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "instrument must look like BASE-QUOTE (e.g. BTC-USDT), was '"
                            + canonical
                            + "'");
        }
        return new Instrument(parts[0], parts[1]);
    }

    /**
     * Splits a Binance symbol ({@code BTCUSDT}) at its longest known quote suffix; a symbol with no
     * known quote becomes an instrument without quote.
     */
    public static Instrument ofBinanceSymbol(String symbol) {
        for (String quote : KNOWN_QUOTES) {
            if (symbol.length() > quote.length() && symbol.endsWith(quote)) {
                return new Instrument(symbol.substring(0, symbol.length() - quote.length()), quote);
            }
        }
        return new Instrument(symbol, "");
    }

    /** {@code BTC-USDT}; just the base when there is no quote. */
    public String canonical() {
        return quote.isEmpty() ? base : base + "-" + quote;
    }

    /** Base and quote joined by {@code separator}, e.g. {@code BTC/USD}. */
    public String joined(String separator) {
        return base + separator + quote;
    }

    @Override
    public String toString() {
        return canonical();
    }
}
