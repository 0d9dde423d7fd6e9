package dev.candleflow.job.candles;

import java.io.Serializable;
import java.time.Duration;

/**
 * The off-market and stale-venue rules: a venue whose robust deviation |p - median| / max(1.4826
 * MAD, median * floorBps / 10^4) exceeds {@code zThreshold} is excluded until it comes back within
 * half of it; a venue silent for {@code staleAfter} while others trade is excluded until it trades.
 * The off-market rule needs at least {@code minVenues} venues in a window.
 */
public record ConsolidationSettings(
        double zThreshold, double floorBps, int minVenues, Duration staleAfter)
        implements Serializable {
    public ConsolidationSettings {
        if (zThreshold <= 0
                || floorBps < 0
                || minVenues < 3
                || staleAfter.isNegative()
                || staleAfter.isZero()) {
            throw new IllegalArgumentException(
                    "outliers: need z-threshold > 0, floor-bps >= 0, min-venues >= 3 and"
                            + " stale-after > 0");
        }
    }
}
