package dev.candleflow.source.backfill;

import java.io.Serializable;
import java.time.Duration;

/**
 * How missed trades are fetched: per-request timeout, attempts and backoff between them, the
 * venue's REST request rate (for the whole job; each reader gets its share), and how many live
 * trades a split may hold back while its backfills run.
 */
public record BackfillSettings(
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        double requestsPerSecond,
        int maxHeldTrades)
        implements Serializable {

    public static final BackfillSettings DEFAULT =
            new BackfillSettings(
                    Duration.ofSeconds(10),
                    5,
                    Duration.ofMillis(500),
                    Duration.ofSeconds(30),
                    2.0,
                    100_000);

    public BackfillSettings {
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("backfill request timeout must be > 0");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("backfill attempts must be >= 1");
        }
        if (initialBackoff.isNegative()
                || initialBackoff.isZero()
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max backfill backoff");
        }
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("backfill requests per second must be > 0");
        }
        if (maxHeldTrades < 1) {
            throw new IllegalArgumentException("max held trades must be >= 1");
        }
    }

    /** The share of one of {@code parallelism} readers: the request rate is divided. */
    public BackfillSettings perReader(int parallelism) {
        return new BackfillSettings(
                requestTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                requestsPerSecond / Math.max(1, parallelism),
                maxHeldTrades);
    }
}
