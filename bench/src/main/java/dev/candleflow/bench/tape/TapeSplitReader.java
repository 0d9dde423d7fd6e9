package dev.candleflow.bench.tape;

import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.protocol.ExchangeAdapters;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.VenueEndpoints;
import dev.candleflow.source.FeedEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;

/**
 * The fetcher side, as in the exchange source: "receives" frames from the tape (stamping when),
 * parses them with the venue's adapter and hands the events to the task thread in batches. Without
 * a rate, each fetch takes a batch from every split in proportion to its size, so the splits keep
 * pace in event time; with a rate, each split is released at its share of it.
 */
final class TapeSplitReader implements SplitReader<FeedEvent, TapeSplit> {

    static final int BATCH = 2048;
    private static final long MAX_PARK_NANOS = 1_000_000L;

    private final Tape tape;
    private final double tradesPerSecond;
    private final Map<Venue, ExchangeAdapter> adapters = new EnumMap<>(Venue.class);
    private final List<Cursor> cursors = new ArrayList<>();
    private long readerSize;
    private long startNanos = Long.MIN_VALUE;
    private volatile boolean wokenUp;

    /**
     * @param tradesPerSecond the whole tape's release rate, or 0 for as fast as the job takes them
     */
    TapeSplitReader(Tape tape, double tradesPerSecond) {
        this.tape = tape;
        this.tradesPerSecond = tradesPerSecond;
    }

    @Override
    public RecordsWithSplitIds<FeedEvent> fetch() {
        RecordsBySplits.Builder<FeedEvent> batch = new RecordsBySplits.Builder<>();
        long now = System.nanoTime();
        if (startNanos == Long.MIN_VALUE) {
            startNanos = now;
            tape.firstRelease(now);
        }
        long receivedMicros = System.currentTimeMillis() * 1000L;
        long nextDue = Long.MAX_VALUE;
        boolean released = false;
        for (Iterator<Cursor> it = cursors.iterator(); it.hasNext(); ) {
            Cursor c = it.next();
            int quota = quota(c, now);
            for (int i = 0; i < quota; i++) {
                release(c, batch, receivedMicros);
            }
            released |= quota > 0;
            if (c.position == c.segment.size()) {
                batch.addFinishedSplit(c.splitId);
                it.remove();
            } else if (tradesPerSecond > 0) {
                nextDue = Math.min(nextDue, c.dueNanos(c.position));
            }
        }
        if (!released && !cursors.isEmpty() && !wokenUp) {
            LockSupport.parkNanos(Math.max(0, Math.min(MAX_PARK_NANOS, nextDue - now)));
        }
        wokenUp = false;
        return batch.build();
    }

    /** Frames of a split to release now. */
    private int quota(Cursor c, long now) {
        int left = c.segment.size() - c.position;
        if (tradesPerSecond <= 0) {
            return Math.min(left, Math.max(1, (int) (BATCH * c.segment.size() / readerSize)));
        }
        long due = (long) ((now - startNanos) / 1e9 * c.rate) + 1;
        return (int) Math.max(0, Math.min(BATCH, Math.min(left, due - c.position)));
    }

    private void release(Cursor c, RecordsBySplits.Builder<FeedEvent> batch, long receivedMicros) {
        int p = c.position++;
        tape.released(c.segment.addresses[p], System.nanoTime());
        if (c.segment.frames == null) {
            batch.add(c.splitId, c.segment.events[p]);
            return;
        }
        String frame = c.segment.frames[p];
        ParsedFrame parsed = c.adapter.parse(frame, receivedMicros);
        if (parsed instanceof ParsedFrame.Trades t) {
            for (Trade trade : t.trades()) {
                batch.add(c.splitId, FeedEvent.of(trade));
            }
        } else if (parsed instanceof ParsedFrame.Malformed m) {
            batch.add(
                    c.splitId,
                    FeedEvent.of(
                            new DeadLetter(
                                    c.segment.venue,
                                    m.reason(),
                                    m.detail(),
                                    frame,
                                    receivedMicros)));
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<TapeSplit> change) {
        if (!(change instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("Unsupported split change: " + change);
        }
        for (TapeSplit split : change.splits()) {
            TapeSegment segment = tape.segment(split.index());
            ExchangeAdapter adapter =
                    adapters.computeIfAbsent(
                            segment.venue, v -> ExchangeAdapters.forVenue(v, VenueEndpoints.LIVE));
            cursors.add(new Cursor(split, segment, adapter));
            readerSize += segment.size();
        }
    }

    @Override
    public void wakeUp() {
        wokenUp = true;
    }

    @Override
    public void close() {}

    /** Where a split is. */
    private final class Cursor {
        final String splitId;
        final TapeSegment segment;
        final ExchangeAdapter adapter;

        /** Frames per second of this split at the tape's rate. */
        final double rate;

        int position;

        Cursor(TapeSplit split, TapeSegment segment, ExchangeAdapter adapter) {
            this.splitId = split.splitId();
            this.segment = segment;
            this.adapter = adapter;
            this.position = split.position();
            this.rate = tradesPerSecond * segment.size() / tape.size();
        }

        /** When frame {@code p} is due at the paced rate. */
        long dueNanos(int p) {
            return startNanos + (long) (p / rate * 1e9);
        }
    }
}
