package dev.candleflow.source;

import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.Trade;

/**
 * What the exchange source emits: exactly one of a trade or a dead letter. A source has one output,
 * so unusable frames travel beside the trades and the job routes them to their sink.
 */
public record FeedEvent(Trade trade, DeadLetter deadLetter) {

    public FeedEvent {
        if ((trade == null) == (deadLetter == null)) {
            throw new IllegalArgumentException("exactly one of trade and deadLetter must be set");
        }
    }

    public static FeedEvent of(Trade trade) {
        return new FeedEvent(trade, null);
    }

    public static FeedEvent of(DeadLetter deadLetter) {
        return new FeedEvent(null, deadLetter);
    }

    public boolean isTrade() {
        return trade != null;
    }
}
