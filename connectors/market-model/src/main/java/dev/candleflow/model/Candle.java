package dev.candleflow.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An OHLCV candle of one venue (or of the consolidated market) and instrument over one interval: a
 * superset of the exchanges' own klines. Its identity is (venue, instrument, interval,
 * openTimeMicros); a later {@code revision} of the same identity replaces an earlier one.
 *
 * @param venue the venue, or null for the consolidated candle across venues
 * @param firstTradeTimeMicros event time of the opening trade (0 for an empty, filled candle)
 * @param lastTradeTimeMicros event time of the closing trade (0 for an empty, filled candle)
 * @param includedVenues consolidated only: comma-separated ids of the venues it was built from
 * @param excludedVenues consolidated only: comma-separated ids of the venues left out as outliers
 * @param medianPrice consolidated only: the volume-weighted median of the venues' VWAPs, else 0
 * @param isFinal false for a live update of a window still open
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
        long firstTradeTimeMicros,
        long lastTradeTimeMicros,
        String includedVenues,
        String excludedVenues,
        BigDecimal medianPrice,
        boolean isFinal,
        int revision) {

    /** How consolidated candles name their source in storage and keys. */
    public static final String CONSOLIDATED = "consolidated";

    public Candle {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(interval, "interval");
        if (interval.openTimeMicros(openTimeMicros) != openTimeMicros) {
            throw new IllegalArgumentException(
                    "openTimeMicros " + openTimeMicros + " is not aligned to " + interval.label());
        }
        if (tradeCount < 0 || revision < 0) {
            throw new IllegalArgumentException("negative tradeCount or revision");
        }
        includedVenues = includedVenues == null ? "" : includedVenues;
        excludedVenues = excludedVenues == null ? "" : excludedVenues;
        medianPrice = medianPrice == null ? BigDecimal.ZERO : medianPrice;
    }

    public boolean isConsolidated() {
        return venue == null;
    }

    /** The venue id, or {@value #CONSOLIDATED}. */
    public String source() {
        return venue == null ? CONSOLIDATED : venue.id();
    }

    /** Exclusive end of the interval. */
    public long closeTimeMicros() {
        return openTimeMicros + interval.lengthMicros();
    }

    /** The key Kafka compacts on: {@code venue|symbol|interval|openTimeMillis}. */
    public String key() {
        return source() + "|" + instrument + "|" + interval.label() + "|" + openTimeMicros / 1000L;
    }

    /** The same candle with another finality and revision. */
    public Candle withState(boolean isFinal, int revision) {
        return new Candle(
                venue,
                instrument,
                interval,
                openTimeMicros,
                open,
                high,
                low,
                close,
                volume,
                quoteVolume,
                vwap,
                takerBuyVolume,
                takerBuyQuoteVolume,
                tradeCount,
                firstTradeId,
                lastTradeId,
                firstTradeTimeMicros,
                lastTradeTimeMicros,
                includedVenues,
                excludedVenues,
                medianPrice,
                isFinal,
                revision);
    }
}
