package dev.candleflow.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An OHLCV candle of one venue and instrument over one interval: a superset of the exchanges' own
 * klines. Its identity is (venue, instrument, interval, openTimeMicros); a later {@code revision}
 * of the same identity replaces an earlier one.
 */
public record Candle(
        Venue venue,
        InstrumentId instrument,
        CandleInterval interval,
        long openTimeMicros,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        BigDecimal quoteVolume,
        BigDecimal vwap,
        BigDecimal takerBuyVolume,
        BigDecimal takerBuyQuoteVolume,
        long tradeCount,
        String firstTradeId,
        String lastTradeId,
        boolean isFinal,
        int revision) {

    public Candle {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(interval, "interval");
        if (interval.openTimeMicros(openTimeMicros) != openTimeMicros) {
            throw new IllegalArgumentException(
                    "openTimeMicros " + openTimeMicros + " is not aligned to " + interval.label());
        }
        if (tradeCount < 0 || revision < 0) {
            throw new IllegalArgumentException("negative tradeCount or revision");
        }
    }

    /** Exclusive end of the interval. */
    public long closeTimeMicros() {
        return openTimeMicros + interval.lengthMicros();
    }

    /** The key Kafka compacts on: {@code venue|symbol|interval|openTimeMillis}. */
    public String key() {
        return venue.id()
                + "|"
                + instrument
                + "|"
                + interval.label()
                + "|"
                + openTimeMicros / 1000L;
    }
}
