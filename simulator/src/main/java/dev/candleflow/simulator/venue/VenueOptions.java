package dev.candleflow.simulator.venue;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Transport settings of one simulated venue.
 *
 * @param wsPort WebSocket port on 127.0.0.1; 0 picks a free one
 * @param restPort REST port on 127.0.0.1; 0 picks a free one
 * @param maxPendingFrames unsent frames per client before it is dropped as too slow
 * @param maxConnectionAge close connections older than this, as Binance does at 24 h
 * @param historyCapacity trades per symbol the REST API still knows (older ones are gone)
 * @param recordCapacity trades kept for {@code publishedTrades()}
 */
public record VenueOptions(
        int wsPort,
        int restPort,
        int maxPendingFrames,
        Optional<Duration> maxConnectionAge,
        int historyCapacity,
        int recordCapacity) {

    public static final int DEFAULT_HISTORY_CAPACITY = 100_000;
    public static final int DEFAULT_RECORD_CAPACITY = 250_000;
    public static final int DEFAULT_MAX_PENDING_FRAMES = 100_000;

    public VenueOptions {
        Objects.requireNonNull(maxConnectionAge, "maxConnectionAge");
        checkPort("port", wsPort);
        checkPort("restPort", restPort);
        if (maxPendingFrames < 1) {
            throw new IllegalArgumentException(
                    "maxPendingFrames must be >= 1, was " + maxPendingFrames);
        }
        if (historyCapacity < 0) {
            throw new IllegalArgumentException(
                    "historyCapacity must be >= 0, was " + historyCapacity);
        }
        if (recordCapacity < 0) {
            throw new IllegalArgumentException(
                    "recordCapacity must be >= 0, was " + recordCapacity);
        }
    }

    /** Free ports, default capacities, no maximum connection age. */
    public static VenueOptions defaults() {
        return new VenueOptions(
                0,
                0,
                DEFAULT_MAX_PENDING_FRAMES,
                Optional.empty(),
                DEFAULT_HISTORY_CAPACITY,
                DEFAULT_RECORD_CAPACITY);
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be in 0..65535, was " + port);
        }
    }
}
