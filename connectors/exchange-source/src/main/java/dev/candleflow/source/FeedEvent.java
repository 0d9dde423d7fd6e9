package dev.candleflow.source;

import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.Trade;

/**
 * What the exchange source emits: exactly one of a trade, a dead letter or a connection's health
 * report. A source has one output, so unusable frames and health travel beside the trades and the
 * job routes them to their sinks. Trades carry their event time as the record timestamp; dead
 * letters and health reports carry none.
 *
 * @param catchUpFloorMicros 0 for a trade handed on in order; otherwise the connection was still
 *     fetching missed trades over REST when it handed this one on, its trades are then not in
 *     event-time order across instruments, and this is the oldest event time its fetching has
 *     reached (the earliest time a trade still to come can have), so its watermark must not pass it
 *     (1 when that time is unknown)
 */
public record FeedEvent(
        Trade trade, DeadLetter deadLetter, FeedHealth health, long catchUpFloorMicros) {

    public FeedEvent {
        int set = (trade != null ? 1 : 0) + (deadLetter != null ? 1 : 0) + (health != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException(
                    "exactly one of trade, deadLetter and health must be set");
        }
        if (catchUpFloorMicros < 0 || (catchUpFloorMicros > 0 && trade == null)) {
            throw new IllegalArgumentException(
                    "only a trade can be catching up, with a positive floor");
        }
    }

    public static FeedEvent of(Trade trade) {
        return new FeedEvent(trade, null, null, 0L);
    }

    /**
     * A trade handed on while its connection backfills, whose fetching has reached {@code
     * floorMicros} (see {@link #catchUpFloorMicros()}; 0 or less when unknown).
     */
    public static FeedEvent catchingUp(Trade trade, long floorMicros) {
        return new FeedEvent(trade, null, null, Math.max(1L, floorMicros));
    }

    public static FeedEvent of(DeadLetter deadLetter) {
        return new FeedEvent(null, deadLetter, null, 0L);
    }

    public static FeedEvent of(FeedHealth health) {
        return new FeedEvent(null, null, health, 0L);
    }

    /** True for a trade handed on while its connection was catching up. */
    public boolean catchingUp() {
        return catchUpFloorMicros > 0;
    }

    public boolean isTrade() {
        return trade != null;
    }

    public boolean isDeadLetter() {
        return deadLetter != null;
    }

    public boolean isHealth() {
        return health != null;
    }
}
