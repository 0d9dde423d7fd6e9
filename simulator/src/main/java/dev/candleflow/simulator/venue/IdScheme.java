package dev.candleflow.simulator.venue;

/** How a venue numbers its trades. */
public enum IdScheme {
    /** A number per symbol that grows by one per trade (Binance, OKX, Coinbase, Kraken). */
    PER_SYMBOL,
    /** A number across all of the venue's markets (Bitstamp's {@code id}, Gate's {@code id}). */
    VENUE_WIDE,
    /** A UUID-like string, no order (Bybit's {@code i}). */
    UUID
}
