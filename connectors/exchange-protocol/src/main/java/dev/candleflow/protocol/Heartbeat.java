package dev.candleflow.protocol;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/** A client ping the venue expects: this text, sent this often. */
public record Heartbeat(String payload, Duration interval) implements Serializable {
    public Heartbeat {
        Objects.requireNonNull(payload, "payload");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be > 0");
        }
    }
}
