package dev.candleflow.source.transport;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a connection comes back and how it is renewed: backoff bounds, how long a connection must
 * last before the backoff resets, how many failed attempts in a row end the task, the age at which
 * a connection is replaced before the venue cuts it, and how long old and new overlap then.
 */
public record ReconnectPolicy(
        Duration initialBackoff,
        Duration maxBackoff,
        Duration stablePeriod,
        int maxAttempts,
        Duration maxConnectionAge,
        Duration renewOverlap)
        implements Serializable {

    public static final ReconnectPolicy DEFAULT =
            new ReconnectPolicy(
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(30),
                    30,
                    Duration.ofHours(24),
                    Duration.ofSeconds(2));

    public ReconnectPolicy {
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initial backoff must be > 0");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("max backoff must be >= initial backoff");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max reconnect attempts must be >= 1");
        }
        if (maxConnectionAge.isNegative() || maxConnectionAge.isZero()) {
            throw new IllegalArgumentException("max connection age must be > 0");
        }
        if (renewOverlap.isNegative()) {
            throw new IllegalArgumentException("renew overlap must be >= 0");
        }
    }
}
