package dev.candleflow.source.backfill;

import dev.candleflow.model.Trade;
import java.util.List;
import java.util.Objects;

/**
 * The answer to one {@link PageRequest}: the trades the venue returned (any order, possibly outside
 * the asked range), or why none could be had after all retries.
 *
 * @param failure null when the request succeeded
 */
public record BackfillPage(PageRequest request, List<Trade> trades, String failure) {

    public BackfillPage {
        Objects.requireNonNull(request, "request");
        trades = List.copyOf(trades);
    }

    public static BackfillPage of(PageRequest request, List<Trade> trades) {
        return new BackfillPage(request, trades, null);
    }

    public static BackfillPage failed(PageRequest request, String why) {
        return new BackfillPage(request, List.of(), Objects.requireNonNull(why, "why"));
    }

    public boolean failed() {
        return failure != null;
    }

    /** True when the venue gave as many trades as asked from the start on: there may be more. */
    public boolean full() {
        long from = request.fromSequence();
        return trades.stream().filter(t -> t.sequence() >= from).count() >= request.limit();
    }
}
