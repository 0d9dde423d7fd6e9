package dev.candleflow.source.backfill;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Trade;
import java.util.ArrayDeque;

/** The sequence bookkeeping of one instrument in a split; fetcher thread only. */
final class InstrumentTrack {

    /** No sequence known (yet). */
    static final long NONE = Long.MIN_VALUE;

    final InstrumentId instrument;

    /** Highest sequence handed downstream, or {@link #NONE}. */
    long last;

    /** Event time of that trade, or 0 when unknown. */
    long lastEventMicros;

    /** Live trades held back while a backfill runs, ascending by sequence. */
    final ArrayDeque<Trade> held = new ArrayDeque<>();

    boolean backfilling;

    /** The backfill must reach at least this sequence (a venue's mark), or {@link #NONE}. */
    long target = NONE;

    /** Pages in a row that left a gap open without bringing anything. */
    int dryPolls;

    /** A reconnect started this backfill: it is a gap only if it finds missed trades. */
    boolean gapUnconfirmed;

    /** Fetch until the venue has no more (after a reconnect), not just up to the held trades. */
    boolean openEnded;

    InstrumentTrack(InstrumentId instrument, long last, long lastEventMicros) {
        this.instrument = instrument;
        this.last = last;
        this.lastEventMicros = lastEventMicros;
    }

    boolean known() {
        return last != NONE;
    }

    /** True when {@code seq} is past the next expected one (overflow-safe; needs a known last). */
    boolean gapBefore(long seq) {
        return seq > last && seq - 1 > last;
    }

    void advance(Trade t) {
        last = t.sequence();
        lastEventMicros = t.eventTimeMicros();
    }

    /** The last missing sequence known: before the first held trade, else the target, else NONE. */
    long gapEnd() {
        if (!held.isEmpty()) {
            return held.peekFirst().sequence() - 1;
        }
        return target;
    }
}
