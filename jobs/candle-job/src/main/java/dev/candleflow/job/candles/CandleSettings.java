package dev.candleflow.job.candles;

import dev.candleflow.model.CandleInterval;
import java.io.Serializable;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How candles are built: the intervals (the smallest is built from trades, each larger one from the
 * one below it), the allowed lateness, the live-update throttle and which intervals are
 * forward-filled when empty.
 */
public record CandleSettings(
        List<CandleInterval> intervals,
        Duration allowedLateness,
        Duration liveInterval,
        Set<CandleInterval> filled)
        implements Serializable {

    public CandleSettings {
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException(
                    "candles.intervals: at least one interval is required");
        }
        intervals = intervals.stream().distinct().sorted().toList();
        for (int i = 1; i < intervals.size(); i++) {
            long lower = intervals.get(i - 1).lengthMicros();
            if (intervals.get(i).lengthMicros() % lower != 0) {
                throw new IllegalArgumentException(
                        "candles.intervals: "
                                + intervals.get(i).label()
                                + " is not a multiple of "
                                + intervals.get(i - 1).label());
            }
        }
        // The smallest interval is built straight from trades and never filled.
        EnumSet<CandleInterval> f = EnumSet.noneOf(CandleInterval.class);
        for (CandleInterval i : filled) {
            if (intervals.contains(i) && i != intervals.get(0)) {
                f.add(i);
            }
        }
        filled = f;
        if (allowedLateness.isNegative() || liveInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "candles.allowed-lateness and candles.live-interval must be >= 0");
        }
    }

    public CandleInterval base() {
        return intervals.get(0);
    }

    public boolean liveEnabled() {
        return !liveInterval.isZero();
    }

    public long latenessMillis() {
        return allowedLateness.toMillis();
    }
}
