package dev.candleflow.source.backfill;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.protocol.SequencePolicy;
import dev.candleflow.protocol.TradeBackfill;
import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.reader.SplitMetrics;
import dev.candleflow.source.split.ExchangeSplit;
import dev.candleflow.source.transport.Clocks;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one split's trades complete and ordered, on the fetcher thread. Drops trades whose sequence
 * was handed on already; on a jump in a strictly increasing sequence, a venue mark ahead of it, a
 * reconnect or a restore it fetches the missed trades over REST from the last sequence on, page by
 * page, and holds the instrument's live trades back (up to a bound) so that the backfilled ones go
 * first, in order. What the venue cannot give back, or venues without backfill, is reported as
 * {@link UnrecoverableGaps lost}.
 *
 * <p>Order holds per instrument, not across them: while one instrument is backfilled the others'
 * live trades flow on, and after an outage several instruments' pages interleave. Every trade
 * handed on while any instrument of the split backfills is therefore marked {@link
 * FeedEvent#catchingUp() catching up}, with the oldest time the backfills have reached, so that the
 * split's watermark does not pass that time and the older trades still to come are not late.
 */
public final class SequenceGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SequenceGuard.class);

    /** Answers in a row without progress before the rest of a gap is declared lost. */
    static final int MAX_DRY_POLLS = 5;

    private final String splitId;
    private final Venue venue;
    private final SequencePolicy policy;
    private final int pageLimit; // 0: no backfill
    private final PageRequester pages;
    private final SplitMetrics metrics;
    private final Duration dryPollDelay;
    private final UnrecoverableGaps lost;
    private final HoldBack holdBack;
    private final OrderedOutput output;
    private final Map<InstrumentId, InstrumentTrack> tracks = new HashMap<>();
    private int backfilling;
    private long lastFrameMicros;

    public SequenceGuard(
            ExchangeSplit split,
            ExchangeAdapter adapter,
            PageRequester pages,
            SplitMetrics metrics,
            BackfillSettings settings) {
        this.splitId = split.splitId();
        this.venue = split.venue();
        this.policy = adapter.sequencePolicy();
        this.pageLimit =
                policy == SequencePolicy.STRICT_INCREMENT
                        ? adapter.backfill().map(TradeBackfill::maxLimit).orElse(0)
                        : 0;
        this.pages = pages;
        this.metrics = metrics;
        this.dryPollDelay = settings.initialBackoff();
        this.lost = new UnrecoverableGaps(splitId, venue, metrics);
        this.holdBack = new HoldBack(splitId, settings.maxHeldTrades(), metrics);
        this.output = new OrderedOutput(metrics, holdBack, lost, this::catchUpFloor);
        Map<InstrumentId, Long> times = split.lastEventTimes();
        split.lastSequences()
                .forEach(
                        (i, s) ->
                                tracks.put(
                                        i, new InstrumentTrack(i, s, times.getOrDefault(i, 0L))));
    }

    /** True while any instrument waits for missed trades. */
    public boolean backfilling() {
        return backfilling > 0;
    }

    /**
     * While instruments are backfilled, the oldest event time (µs) their fetching has reached: no
     * trade still to come from them is older (0 when one of them has no known time); -1 when
     * nothing is backfilled.
     */
    long catchUpFloor() {
        if (backfilling == 0) {
            return -1L;
        }
        long floor = Long.MAX_VALUE;
        for (InstrumentTrack track : tracks.values()) {
            if (track.backfilling) {
                floor = Math.min(floor, track.lastEventMicros);
            }
        }
        return floor == Long.MAX_VALUE ? 0L : floor;
    }

    /** A frame of any kind arrived; marks the end of a possible outage window. */
    public void frameReceived(long receivedAtMicros) {
        lastFrameMicros = Math.max(lastFrameMicros, receivedAtMicros);
    }

    /** One live trade from the venue's stream. */
    public void onTrade(Trade t, Consumer<FeedEvent> out) {
        if (policy == SequencePolicy.NONE) {
            output.deliver(null, t, false, out);
            return;
        }
        InstrumentTrack track = track(t.instrument());
        if (track.known() && t.sequence() <= track.last) {
            metrics.duplicates.inc();
        } else if (track.backfilling) {
            holdBack.add(track, t);
        } else if (policy == SequencePolicy.STRICT_INCREMENT
                && track.known()
                && track.gapBefore(t.sequence())) {
            metrics.gaps.inc();
            if (pageLimit > 0) {
                holdBack.add(track, t);
                start(track);
            } else {
                lost.after(track, t.sequence() - 1, t.eventTimeMicros(), "no REST backfill", out);
                output.deliver(track, t, false, out);
            }
        } else {
            output.deliver(track, t, false, out);
        }
    }

    /** The venue says the newest trade of {@code instrument} has sequence {@code mark}. */
    public void onSequenceMark(
            InstrumentId instrument, long mark, long nowMicros, Consumer<FeedEvent> out) {
        InstrumentTrack track = track(instrument);
        if (policy != SequencePolicy.STRICT_INCREMENT || !track.known() || mark <= track.last) {
            return;
        }
        if (pageLimit > 0) {
            track.target = Math.max(track.target, mark);
            if (!track.backfilling) {
                metrics.gaps.inc();
                start(track);
            }
        } else if (!track.backfilling) {
            metrics.gaps.inc();
            lost.after(track, mark, nowMicros, "behind the venue's mark", out);
        }
    }

    /**
     * A connection opened after a time without one (a reconnect, or the first after a restore):
     * whatever traded meanwhile is fetched, or reported where it cannot be.
     */
    public void onConnected(long nowMicros, Consumer<FeedEvent> out) {
        if (pageLimit > 0) {
            for (InstrumentTrack track : tracks.values()) {
                if (track.known() && !track.backfilling && track.last < Long.MAX_VALUE) {
                    track.gapUnconfirmed = true;
                    track.openEnded = true;
                    start(track);
                }
            }
        } else if (policy != SequencePolicy.STRICT_INCREMENT) {
            long from = lastFrameMicros;
            for (InstrumentTrack track : tracks.values()) {
                from = Math.max(from, track.lastEventMicros);
            }
            if (from > 0) {
                lost.window(from, nowMicros, "no connection, and " + policy + " sequences", out);
            }
        }
    }

    /** The answer to one of this guard's page requests. */
    public void onPage(BackfillPage page, Consumer<FeedEvent> out) {
        InstrumentTrack track = tracks.get(page.request().instrument());
        if (track == null || !track.backfilling) {
            LOG.debug("{} ignoring a page nobody waits for: {}", splitId, page.request());
            return;
        }
        if (page.failed()) {
            giveUp(track, "backfill failed: " + page.failure(), out);
            return;
        }
        long before = track.last;
        boolean stuck = output.merge(track, page.trades(), out);
        if (track.last > before) {
            track.dryPolls = 0;
            if (track.gapUnconfirmed) {
                metrics.gaps.inc(); // the reconnect did miss trades
                track.gapUnconfirmed = false;
            }
        }
        boolean more = page.full() && track.last > before;
        if (stuck) {
            if (more) {
                request(track, Duration.ZERO); // the rest of the gap may be on the next page
            } else {
                dryPoll(track, out);
            }
        } else if (more && (track.openEnded || track.target > track.last)) {
            request(track, Duration.ZERO);
        } else if (track.target > track.last) {
            dryPoll(track, out);
        } else {
            finish(track, out);
        }
    }

    /** The gap is still open and the venue had nothing more: ask again later, or give up. */
    private void dryPoll(InstrumentTrack track, Consumer<FeedEvent> out) {
        if (++track.dryPolls > MAX_DRY_POLLS) {
            giveUp(track, OrderedOutput.NOT_ON_REST, out);
        } else {
            // The venue's REST API may lag its stream; ask again a little later.
            request(track, dryPollDelay.multipliedBy(1L << (track.dryPolls - 1)));
        }
    }

    private void giveUp(InstrumentTrack track, String why, Consumer<FeedEvent> out) {
        lost.after(track, track.gapEnd(), Clocks.nowMicros(), why, out);
        finish(track, out);
    }

    private void start(InstrumentTrack track) {
        track.backfilling = true;
        track.dryPolls = 0;
        backfilling++;
        request(track, Duration.ZERO);
    }

    private void request(InstrumentTrack track, Duration delay) {
        long from = track.last + 1;
        long end = track.openEnded ? InstrumentTrack.NONE : track.gapEnd();
        long wanted = end == InstrumentTrack.NONE ? pageLimit : end - from + 1;
        int limit = (int) Math.max(1L, Math.min(pageLimit, wanted));
        metrics.backfillRequests.inc();
        pages.request(new PageRequest(splitId, venue, track.instrument, from, limit, delay));
    }

    /** Ends the backfill and hands on the held trades; another gap among them starts anew. */
    private void finish(InstrumentTrack track, Consumer<FeedEvent> out) {
        track.backfilling = false;
        track.openEnded = false;
        track.target = InstrumentTrack.NONE;
        track.gapUnconfirmed = false;
        backfilling--;
        while (!track.held.isEmpty()) {
            Trade t = track.held.peekFirst();
            if (track.gapBefore(t.sequence())) {
                start(track); // counted as a gap when it was held
                return;
            }
            holdBack.poll(track);
            if (t.sequence() <= track.last) {
                metrics.duplicates.inc();
            } else {
                output.deliver(track, t, false, out);
            }
        }
    }

    private InstrumentTrack track(InstrumentId instrument) {
        return tracks.computeIfAbsent(
                instrument, i -> new InstrumentTrack(i, InstrumentTrack.NONE, 0L));
    }
}
