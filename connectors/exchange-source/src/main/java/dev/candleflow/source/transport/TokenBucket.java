package dev.candleflow.source.transport;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code ratePerSecond} tokens a second, at most {@code burst} saved up. Shared by
 * every connection (or REST request) of one venue in a reader, so that a reconnect storm or a burst
 * of backfills stays within the venue's limit. Thread-safe.
 */
public final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double nanosPerToken;
    private final double burst;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastNanos;
    private long pausedUntilNanos;

    public TokenBucket(double ratePerSecond, int burst) {
        this(ratePerSecond, burst, System::nanoTime);
    }

    /** A bucket on the given clock (tests); it starts full. */
    public TokenBucket(double ratePerSecond, int burst, LongSupplier nanoClock) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be > 0, was " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be >= 1, was " + burst);
        }
        this.nanosPerToken = NANOS_PER_SECOND / ratePerSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.lastNanos = nanoClock.getAsLong();
        this.pausedUntilNanos = lastNanos;
    }

    /**
     * Takes a token if one is there.
     *
     * @return zero when a token was taken, else how long to wait before asking again
     */
    public synchronized Duration tryAcquire() {
        long now = refill();
        if (now - pausedUntilNanos < 0) {
            return Duration.ofNanos(pausedUntilNanos - now);
        }
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(1L, (long) Math.ceil((1.0 - tokens) * nanosPerToken)));
    }

    /**
     * Reserves the next token, even if it is only there later.
     *
     * @return how long to wait before using it; zero when it is there now
     */
    public synchronized Duration reserve() {
        long now = refill();
        long pause = Math.max(0L, pausedUntilNanos - now);
        tokens -= 1.0;
        long debt = tokens >= 0 ? 0L : (long) Math.ceil(-tokens * nanosPerToken);
        return Duration.ofNanos(Math.max(pause, debt));
    }

    /** Hands out nothing for this long, as a venue asks after a 429 ({@code Retry-After}). */
    public synchronized void pauseFor(Duration pause) {
        long until = nanoClock.getAsLong() + pause.toNanos();
        if (until - pausedUntilNanos > 0) {
            pausedUntilNanos = until;
        }
    }

    private long refill() {
        long now = nanoClock.getAsLong();
        long elapsed = now - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed / nanosPerToken);
            lastNanos = now;
        }
        return now;
    }
}
