package dev.candleflow.source.backfill;

import dev.candleflow.model.Trade;
import dev.candleflow.source.reader.RateLimitedLog;
import dev.candleflow.source.reader.SplitMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live trades a split holds back while instruments are backfilled, within one budget for the
 * split. Past the budget an instrument's held trades are dropped and its backfill is told to fetch
 * them too, so memory stays bounded and nothing is lost. Fetcher thread only.
 */
final class HoldBack {

    private static final Logger LOG = LoggerFactory.getLogger(HoldBack.class);

    private final String splitId;
    private final int max;
    private final SplitMetrics metrics;
    private final RateLimitedLog log = new RateLimitedLog(LOG, 10_000);
    private int size;

    HoldBack(String splitId, int max, SplitMetrics metrics) {
        this.splitId = splitId;
        this.max = max;
        this.metrics = metrics;
    }

    /** Holds a live trade of an instrument under backfill (or drops it, see the class doc). */
    void add(InstrumentTrack track, Trade t) {
        Trade newest = track.held.peekLast();
        if (newest != null && t.sequence() <= newest.sequence()) {
            metrics.duplicates.inc();
            return;
        }
        if (newest != null && t.sequence() > newest.sequence() + 1) {
            metrics.gaps.inc(); // another gap behind the one being filled
        }
        if (size >= max) {
            int n = track.held.size();
            track.target = Math.max(track.target, t.sequence());
            track.held.clear();
            size -= n;
            metrics.heldTradesDropped.inc(n + 1L);
            log.warn(
                    "{} holds {} live trades; dropped {} of {} to fetch them over REST instead",
                    splitId,
                    max,
                    n + 1,
                    track.instrument);
            return;
        }
        track.held.add(t);
        size++;
    }

    /** A trade taken with {@link #poll} was put back at the head of its instrument's queue. */
    void returned() {
        size++;
    }

    /** Takes the oldest held trade of an instrument. */
    Trade poll(InstrumentTrack track) {
        Trade t = track.held.pollFirst();
        if (t != null) {
            size--;
        }
        return t;
    }
}
