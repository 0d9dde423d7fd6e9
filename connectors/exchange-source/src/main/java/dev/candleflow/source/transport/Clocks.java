package dev.candleflow.source.transport;

import java.time.Instant;

/** Wall-clock receive times in microseconds; only for receive stamps, never for event time. */
public final class Clocks {
    private Clocks() {}

    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
    }
}
