package dev.candleflow.source.backfill;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.time.Duration;
import java.util.Objects;

/**
 * One page of missed trades to fetch: the trades of an instrument from {@code fromSequence} on, at
 * most {@code limit} of them, not before {@code delay} has passed.
 */
public record PageRequest(
        String splitId,
        Venue venue,
        InstrumentId instrument,
        long fromSequence,
        int limit,
        Duration delay) {

    public PageRequest {
        Objects.requireNonNull(splitId, "splitId");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(delay, "delay");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
    }
}
