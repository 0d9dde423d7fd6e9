package dev.candleflow.simulator.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * How a venue answers client pings: WebSocket ping frames and the venue's own application pings
 * ({@code {"op":"ping"}}, {@code ping}, {@code spot.ping}, ...).
 *
 * @param mode answer at once, late, or never
 * @param delay how late, for {@link Mode#LATE}
 */
public record PingPolicy(Mode mode, Duration delay) {

    /** Answering behaviour. */
    public enum Mode {
        NORMAL,
        LATE,
        IGNORE
    }

    public static final PingPolicy NORMAL = new PingPolicy(Mode.NORMAL, Duration.ZERO);
    public static final PingPolicy IGNORE = new PingPolicy(Mode.IGNORE, Duration.ZERO);

    public PingPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("ping delay must be >= 0, was " + delay);
        }
    }

    /** Answers every ping {@code delay} late. */
    public static PingPolicy late(Duration delay) {
        return new PingPolicy(Mode.LATE, delay);
    }
}
