package dev.candleflow.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One normalized trade. Prices and quantities are exact decimals parsed from the venue's strings.
 *
 * @param venue where it traded
 * @param instrument canonical instrument
 * @param eventTimeMicros the venue's trade time, microseconds since the epoch (UTC)
 * @param receivedAtMicros when candleflow received the frame, microseconds since the epoch
 * @param sequence the number gap and duplicate checks use (the trade id where it is numeric)
 * @param price exact price, strictly positive
 * @param quantity exact base quantity, strictly positive
 * @param aggressor the taker's side
 * @param tradeId the venue's own trade id
 */
public record Trade(
        Venue venue,
        InstrumentId instrument,
        long eventTimeMicros,
        long receivedAtMicros,
        long sequence,
        BigDecimal price,
        BigDecimal quantity,
        Side aggressor,
        String tradeId) {

    public Trade {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(aggressor, "aggressor");
        Objects.requireNonNull(tradeId, "tradeId");
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("price must be > 0, was " + price);
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be > 0, was " + quantity);
        }
        if (eventTimeMicros <= 0) {
            throw new IllegalArgumentException(
                    "eventTimeMicros must be > 0, was " + eventTimeMicros);
        }
    }

    /** Event time in milliseconds, for Flink timestamps and watermarks. */
    public long eventTimeMillis() {
        return Math.floorDiv(eventTimeMicros, 1000L);
    }
}
