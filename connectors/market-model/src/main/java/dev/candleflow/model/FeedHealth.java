package dev.candleflow.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Health of one venue connection (a source split) over one reporting interval; one row of {@code
 * market.feed_health}. Counters are deltas over the interval that ends at {@code timeMicros}, so
 * they sum across intervals and restarts.
 *
 * @param venue the venue of the connection
 * @param splitId the connection, {@code <venue>-<n>}
 * @param timeMicros end of the interval (wall clock), microseconds since the epoch
 * @param state the connection's state at the end of the interval
 * @param frames frames received
 * @param trades trades emitted, live and backfilled
 * @param bytes characters of frame text received
 * @param reconnects reconnects scheduled after a connection was lost
 * @param gaps gaps found (sequence jumps, sequence marks ahead, missed trades after reconnects)
 * @param tradesBackfilled trades recovered over the venue's REST API
 * @param unrecoverableGaps gaps reported as lost (no backfill, venue retention, backfill failure)
 * @param duplicates trades dropped because their sequence was seen already
 * @param deadLetters frames and gaps emitted as dead letters
 * @param lastMessageAgeMs time since the last frame, or -1 when none arrived yet
 * @param lagP50Ms median of receive time minus event time of live trades, or -1 without trades
 * @param lagP99Ms 99th percentile of the same, or -1 without trades
 */
public record FeedHealth(
        Venue venue,
        String splitId,
        long timeMicros,
        State state,
        long frames,
        long trades,
        long bytes,
        long reconnects,
        long gaps,
        long tradesBackfilled,
        long unrecoverableGaps,
        long duplicates,
        long deadLetters,
        long lastMessageAgeMs,
        double lagP50Ms,
        double lagP99Ms) {

    /** What the connection is doing; stored as {@link #id()}. */
    public enum State {
        CONNECTING,
        OPEN,
        /** Open, and at least one instrument waits for missed trades from REST. */
        BACKFILLING,
        /** Disconnected, waiting before the next attempt. */
        BACKOFF,
        /** Gave up; the task fails and Flink restarts it. */
        FAILED;

        /** The lowercase form stored in ClickHouse, e.g. {@code backfilling}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FeedHealth {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(splitId, "splitId");
        Objects.requireNonNull(state, "state");
        long[] counters = {
            frames,
            trades,
            bytes,
            reconnects,
            gaps,
            tradesBackfilled,
            unrecoverableGaps,
            duplicates,
            deadLetters
        };
        for (long c : counters) {
            if (c < 0) {
                throw new IllegalArgumentException("negative counter in health of " + splitId);
            }
        }
        if (lastMessageAgeMs < -1) {
            throw new IllegalArgumentException("lastMessageAgeMs must be >= -1");
        }
    }

    /** Event time of the report in milliseconds. */
    public long timeMillis() {
        return Math.floorDiv(timeMicros, 1000L);
    }
}
