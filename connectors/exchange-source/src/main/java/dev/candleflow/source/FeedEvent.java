package dev.candleflow.source;

import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.Trade;

/**
 * What the exchange source emits: exactly one of a trade, a dead letter or a connection's health
 * report. A source has one output, so unusable frames and health travel beside the trades and the
 * job routes them to their sinks. Trades carry their event time as the record timestamp; dead
 * letters and health reports carry none.
 */
public record FeedEvent(Trade trade, DeadLetter deadLetter, FeedHealth health) {

    public FeedEvent {
        int set = (trade != null ? 1 : 0) + (deadLetter != null ? 1 : 0) + (health != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException(
                    "exactly one of trade, deadLetter and health must be set");
        }
    }

    public static FeedEvent of(Trade trade) {
        return new FeedEvent(trade, null, null);
    }

    public static FeedEvent of(DeadLetter deadLetter) {
        return new FeedEvent(null, deadLetter, null);
    }

    public static FeedEvent of(FeedHealth health) {
        return new FeedEvent(null, null, health);
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
