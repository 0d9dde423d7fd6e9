package dev.candleflow.source.reader;

import org.slf4j.Logger;

/** A WARN at most once per period; the next one says how many were held back. */
public final class RateLimitedLog {
    private final Logger log;
    private final long periodNanos;
    private long lastNanos = Long.MIN_VALUE;
    private long suppressed;

    public RateLimitedLog(Logger log, long periodMillis) {
        this.log = log;
        this.periodNanos = periodMillis * 1_000_000L;
    }

    public synchronized void warn(String format, Object... args) {
        long now = System.nanoTime();
        if (lastNanos != Long.MIN_VALUE && now - lastNanos < periodNanos) {
            suppressed++;
            return;
        }
        lastNanos = now;
        if (suppressed > 0) {
            log.warn("({} similar warnings suppressed)", suppressed);
            suppressed = 0;
        }
        log.warn(format, args);
    }
}
