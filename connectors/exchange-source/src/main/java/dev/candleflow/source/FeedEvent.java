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
 * @param catchingUp true for a trade its connection handed on while it was still fetching missed
 *     trades over REST: the connection's trades are then not in event-time order across
 *     instruments, so such a trade must not advance the connection's watermark
 */
public record FeedEvent(Trade trade, DeadLetter deadLetter, FeedHealth health, boolean catchingUp) {

    public FeedEvent {
        int set = (trade != null ? 1 : 0) + (deadLetter != null ? 1 : 0) + (health != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException(
                    "exactly one of trade, deadLetter and health must be set");
        }
        if (catchingUp && trade == null) {
            throw new IllegalArgumentException("only a trade can be catching up");
        }
    }

    public static FeedEvent of(Trade trade) {
        return new FeedEvent(trade, null, null, false);
    }

    /** A trade handed on while its connection backfills (see {@link #catchingUp()}). */
    public static FeedEvent catchingUp(Trade trade) {
        return new FeedEvent(trade, null, null, true);
    }

    public static FeedEvent of(DeadLetter deadLetter) {
        return new FeedEvent(null, deadLetter, null, false);
    }

    public static FeedEvent of(FeedHealth health) {
        return new FeedEvent(null, null, health, false);
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
