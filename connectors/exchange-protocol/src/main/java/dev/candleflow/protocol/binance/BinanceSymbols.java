package dev.candleflow.protocol.binance;

import dev.candleflow.model.InstrumentId;
import java.util.List;
import java.util.Locale;

/** Binance's symbols ({@code BTCUSDT}) to and from canonical instruments ({@code BTC-USDT}). */
final class BinanceSymbols {

    /**
     * Quote assets Binance lists, longest first so that {@code FDUSD} wins over {@code USD}. A
     * symbol is split at the quote asset it ends with.
     */
    private static final List<String> QUOTES =
            List.of(
                    "FDUSD", "USDT", "USDC", "TUSD", "BUSD", "USDP", "EURI", "BIDR", "IDRT", "BTC",
                    "ETH", "BNB", "XRP", "TRX", "DOGE", "DAI", "EUR", "GBP", "TRY", "BRL", "JPY",
                    "AUD", "ARS", "MXN", "PLN", "RON", "UAH", "ZAR", "COP", "CZK", "USD");

    private BinanceSymbols() {}

    /** {@code BTC-USDT} to {@code btcusdt}, the form used in stream names. */
    static String streamSymbol(InstrumentId instrument) {
        return (instrument.base() + instrument.quote()).toLowerCase(Locale.ROOT);
    }

    /** {@code BTC-USDT} to {@code BTCUSDT}, the form the REST API takes. */
    static String restSymbol(InstrumentId instrument) {
        return (instrument.base() + instrument.quote()).toUpperCase(Locale.ROOT);
    }

    /** {@code BTCUSDT} to {@code BTC-USDT}, or null when no known quote asset ends the symbol. */
    static InstrumentId toInstrument(String nativeSymbol) {
        String s = nativeSymbol.toUpperCase(Locale.ROOT);
        for (String quote : QUOTES) {
            if (s.length() > quote.length() && s.endsWith(quote)) {
                try {
                    return new InstrumentId(s.substring(0, s.length() - quote.length()), quote);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
