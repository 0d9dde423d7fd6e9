package dev.candleflow.simulator.venue;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What a venue's protocol and REST handler read: its listing, its trade history and its clock.
 *
 * @param venue the venue
 * @param listing the symbols it lists
 * @param history the trades it remembers
 * @param nowMicros its clock, in event time (epoch microseconds)
 */
public record VenueContext(
        VenueId venue, VenueListing listing, TradeHistory history, LongSupplier nowMicros) {

    public VenueContext {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(nowMicros, "nowMicros");
    }

    public long nowMillis() {
        return Math.floorDiv(nowMicros.getAsLong(), 1000L);
    }
}
