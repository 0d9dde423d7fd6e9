package dev.candleflow.source.transport;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a connection comes back: backoff bounds, how long a connection must last before the backoff
 * resets, and how many failed attempts in a row end the task.
 */
public record ReconnectPolicy(
        Duration initialBackoff, Duration maxBackoff, Duration stablePeriod, int maxAttempts)
        implements Serializable {

    public static final ReconnectPolicy DEFAULT =
            new ReconnectPolicy(
                    Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(30), 30);

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
    }
}
