package dev.candleflow.source.transport;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Exponential backoff with full jitter: attempt n waits a uniform random time in [0, min(max,
 * initial * 2^n)], so many connections that dropped together do not come back together.
 */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private final SplittableRandom random;
    private int attempt;

    public Backoff(Duration initial, Duration max, long seed) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max backoff");
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = new SplittableRandom(seed);
    }

    /** The wait before the next attempt; each call counts one more failed attempt. */
    public Duration nextDelay() {
        long ceiling = initialMillis << Math.min(attempt, 30);
        ceiling = Math.min(maxMillis, ceiling <= 0 ? maxMillis : ceiling);
        attempt++;
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** Consecutive attempts since the last {@link #reset()}. */
    public int attempts() {
        return attempt;
    }

    public void reset() {
        attempt = 0;
    }
}
