package dev.candleflow.source.reader;

import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.Venue;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.metrics.Counter;

/**
 * Turns one split's counters into a {@link FeedHealth} every interval: deltas since the previous
 * report, the state, the age of the newest frame and the lag percentiles of the interval.
 */
final class HealthReporter {

    private final String splitId;
    private final Venue venue;
    private final SplitMetrics metrics;
    private final long intervalNanos;
    private final Counter[] counters;
    private final long[] previous;
    private long nextDueNanos;

    HealthReporter(
            String splitId, Venue venue, SplitMetrics metrics, Duration interval, long nowNanos) {
        this.splitId = splitId;
        this.venue = venue;
        this.metrics = metrics;
        this.intervalNanos = interval.toNanos();
        this.counters =
                new Counter[] {
                    metrics.frames,
                    metrics.trades,
                    metrics.bytes,
                    metrics.reconnects,
                    metrics.gaps,
                    metrics.tradesBackfilled,
                    metrics.unrecoverableGaps,
                    metrics.duplicates,
                    metrics.deadLetters
                };
        this.previous = new long[counters.length];
        this.nextDueNanos = nowNanos + intervalNanos;
    }

    /** The report, when one is due. */
    Optional<FeedHealth> due(long nowNanos, long nowMicros, FeedHealth.State state) {
        if (nowNanos - nextDueNanos < 0) {
            return Optional.empty();
        }
        nextDueNanos = Math.max(nextDueNanos + intervalNanos, nowNanos);
        long[] d = new long[counters.length];
        for (int i = 0; i < counters.length; i++) {
            long now = counters[i].getCount();
            d[i] = Math.max(0L, now - previous[i]);
            previous[i] = now;
        }
        double[] lag = metrics.lag.takeIntervalPercentiles();
        return Optional.of(
                new FeedHealth(
                        venue,
                        splitId,
                        nowMicros,
                        state,
                        d[0],
                        d[1],
                        d[2],
                        d[3],
                        d[4],
                        d[5],
                        d[6],
                        d[7],
                        d[8],
                        metrics.lastMessageAgeMs(nowMicros),
                        lag[0],
                        lag[1]));
    }
}
