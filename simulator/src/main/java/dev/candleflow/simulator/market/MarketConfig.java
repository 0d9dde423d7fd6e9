package dev.candleflow.simulator.market;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Validated settings of a generated market.
 *
 * @param instruments instruments, in tie-break order
 * @param seed seed of all random streams
 * @param tradesPerSecond mean trades per second of event time, per venue and instrument
 * @param speed event seconds per wall second
 * @param startTimeMillis event time of the open; empty means "now, truncated to the minute" at the
 *     moment the market starts
 * @param eventDuration stop generating after this much event time; empty runs forever
 */
public record MarketConfig(
        List<InstrumentSpec> instruments,
        long seed,
        double tradesPerSecond,
        double speed,
        OptionalLong startTimeMillis,
        Optional<Duration> eventDuration) {

    public MarketConfig {
        instruments = List.copyOf(Objects.requireNonNull(instruments, "instruments"));
        Objects.requireNonNull(startTimeMillis, "startTimeMillis");
        Objects.requireNonNull(eventDuration, "eventDuration");
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("at least one instrument is required");
        }
        if (new HashSet<>(instruments.stream().map(InstrumentSpec::instrument).toList()).size()
                != instruments.size()) {
            throw new IllegalArgumentException(
                    "instruments must be distinct, got "
                            + instruments.stream().map(InstrumentSpec::instrument).toList());
        }
        if (!(speed > 0.0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be > 0 and finite, was " + speed);
        }
        if (!(tradesPerSecond > 0.0) || Double.isInfinite(tradesPerSecond)) {
            throw new IllegalArgumentException(
                    "tradesPerSecond must be > 0 and finite, was " + tradesPerSecond);
        }
        eventDuration.ifPresent(
                d -> {
                    if (d.isNegative() || d.isZero() || d.toMillis() < 1) {
                        throw new IllegalArgumentException(
                                "eventDuration must be at least 1 ms, was " + d);
                    }
                });
        startTimeMillis.ifPresent(
                t -> {
                    if (t < 0) {
                        throw new IllegalArgumentException(
                                "startTimeMillis must be >= 0, was " + t);
                    }
                });
    }
}
