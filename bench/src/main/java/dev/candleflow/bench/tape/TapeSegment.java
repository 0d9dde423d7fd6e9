package dev.candleflow.bench.tape;

import dev.candleflow.model.Venue;
import dev.candleflow.source.FeedEvent;

/**
 * One split's part of the tape: what one venue connection of a shard of its symbols would receive,
 * in arrival order. Holds either the raw frames or (with pre-parsed input) the events the source
 * would have emitted for them, and per frame the address of its receive stamp.
 */
final class TapeSegment {

    final int index;
    final Venue venue;

    /** Raw frames, or null when the tape holds pre-parsed events. */
    final String[] frames;

    /** Pre-parsed events, or null when the tape holds raw frames. */
    final FeedEvent[] events;

    /** Per frame: {@code (venue index * symbols + symbol) << 32 | n}, see {@link Tape#received}. */
    final long[] addresses;

    TapeSegment(int index, Venue venue, String[] frames, FeedEvent[] events, long[] addresses) {
        this.index = index;
        this.venue = venue;
        this.frames = frames;
        this.events = events;
        this.addresses = addresses;
    }

    int size() {
        return addresses.length;
    }
}
