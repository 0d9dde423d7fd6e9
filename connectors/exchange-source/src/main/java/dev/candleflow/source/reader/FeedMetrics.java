package dev.candleflow.source.reader;

import dev.candleflow.model.Venue;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/**
 * Per-venue feed counters under the reader's metric group ({@code ...venue.<id>.<counter>}).
 * Connection threads and the task thread both count, so the counters are thread-safe.
 */
public final class FeedMetrics {

    /** The counters of one venue. */
    public static final class VenueCounters {
        public final Counter frames;
        public final Counter trades;
        public final Counter duplicates;
        public final Counter gaps;
        public final Counter missedTrades;
        public final Counter deadLetters;
        public final Counter reconnects;
        public final Counter overflows;
        public final Counter idleTimeouts;

        VenueCounters(MetricGroup g) {
            frames = g.counter("frames", new ThreadSafeSimpleCounter());
            trades = g.counter("trades", new ThreadSafeSimpleCounter());
            duplicates = g.counter("duplicatesDropped", new ThreadSafeSimpleCounter());
            gaps = g.counter("gapsFound", new ThreadSafeSimpleCounter());
            missedTrades = g.counter("tradesMissed", new ThreadSafeSimpleCounter());
            deadLetters = g.counter("deadLetters", new ThreadSafeSimpleCounter());
            reconnects = g.counter("reconnects", new ThreadSafeSimpleCounter());
            overflows = g.counter("bufferOverflows", new ThreadSafeSimpleCounter());
            idleTimeouts = g.counter("idleTimeouts", new ThreadSafeSimpleCounter());
        }
    }

    private final Map<Venue, VenueCounters> byVenue = new EnumMap<>(Venue.class);

    public FeedMetrics(MetricGroup group) {
        for (Venue v : Venue.values()) {
            byVenue.put(v, new VenueCounters(group.addGroup("venue", v.id())));
        }
    }

    public VenueCounters of(Venue venue) {
        return byVenue.get(venue);
    }
}
