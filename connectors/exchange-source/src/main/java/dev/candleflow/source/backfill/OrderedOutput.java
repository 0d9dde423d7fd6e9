package dev.candleflow.source.backfill;

import dev.candleflow.model.Trade;
import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.reader.SplitMetrics;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Hands a split's trades on in sequence order, advancing each instrument's last sequence: single
 * live or backfilled trades, and a page of backfilled trades merged with the held live ones.
 */
final class OrderedOutput {

    static final String NOT_ON_REST = "not on the venue's REST API";

    private final SplitMetrics metrics;
    private final HoldBack holdBack;
    private final UnrecoverableGaps lost;
    private final LongSupplier catchUpFloor;

    /**
     * @param catchUpFloor while the split fetches missed trades, the oldest event time (µs) its
     *     fetching has reached ({@code 0} when unknown); {@code -1} when it fetches nothing. What
     *     is handed on while it fetches is marked {@link FeedEvent#catchingUp() catching up}.
     */
    OrderedOutput(
            SplitMetrics metrics,
            HoldBack holdBack,
            UnrecoverableGaps lost,
            LongSupplier catchUpFloor) {
        this.metrics = metrics;
        this.holdBack = holdBack;
        this.lost = lost;
        this.catchUpFloor = catchUpFloor;
    }

    /**
     * Hands on the page's trades and the held live ones as one stream in sequence order (a trade in
     * both goes once, as the live one). What the page skips is not on the venue's REST API and is
     * reported lost.
     *
     * @return true when it stopped at a gap before a held trade that the page did not reach
     */
    boolean merge(InstrumentTrack track, List<Trade> trades, Consumer<FeedEvent> out) {
        ArrayDeque<Trade> page = sorted(trades, track.last);
        while (true) {
            Trade held = track.held.peekFirst();
            Trade rest = page.peekFirst();
            if (held == null && rest == null) {
                return false;
            }
            boolean fromRest = held == null || (rest != null && rest.sequence() < held.sequence());
            Trade next = fromRest ? page.pollFirst() : holdBack.poll(track);
            if (!fromRest && rest != null && rest.sequence() == next.sequence()) {
                page.pollFirst();
            }
            if (next.sequence() <= track.last) {
                metrics.duplicates.inc();
                continue;
            }
            if (track.gapBefore(next.sequence())) {
                if (!fromRest && page.isEmpty()) {
                    track.held.addFirst(next);
                    holdBack.returned();
                    return true;
                }
                lost.after(track, next.sequence() - 1, next.eventTimeMicros(), NOT_ON_REST, out);
            }
            deliver(track, next, fromRest, out);
        }
    }

    private static ArrayDeque<Trade> sorted(List<Trade> trades, long after) {
        return trades.stream()
                .filter(t -> t.sequence() > after)
                .sorted(Comparator.comparingLong(Trade::sequence))
                .collect(ArrayDeque::new, ArrayDeque::add, ArrayDeque::addAll);
    }

    void deliver(InstrumentTrack track, Trade t, boolean backfilled, Consumer<FeedEvent> out) {
        if (track != null) {
            track.advance(t);
        }
        if (backfilled) {
            metrics.tradesBackfilled.inc();
        } else {
            metrics.lag.update((t.receivedAtMicros() - t.eventTimeMicros()) / 1000L);
        }
        long floor = catchUpFloor.getAsLong();
        out.accept(floor < 0 ? FeedEvent.of(t) : FeedEvent.catchingUp(t, floor));
    }
}
