package dev.candleflow.simulator.venue;

import dev.candleflow.simulator.fault.Faults;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * What every connection of one venue shares.
 *
 * @param venue the venue
 * @param faults the venue's faults (stall, ping policy, refusals, counters)
 * @param scheduler the venue's timer thread (ticks, late pongs, delayed closes)
 * @param maxPendingFrames unsent frames per client before it is dropped as too slow
 * @param maxConnectionAge close connections older than this (Binance: 24 h), if set
 * @param onSubscribed runs after any connection subscribes to data
 * @param nowMicros the venue's clock in event time
 */
public record ConnectionContext(
        VenueId venue,
        Faults faults,
        ScheduledExecutorService scheduler,
        int maxPendingFrames,
        Optional<Duration> maxConnectionAge,
        Runnable onSubscribed,
        LongSupplier nowMicros) {

    public ConnectionContext {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(maxConnectionAge, "maxConnectionAge");
        Objects.requireNonNull(onSubscribed, "onSubscribed");
        Objects.requireNonNull(nowMicros, "nowMicros");
        if (maxPendingFrames < 1) {
            throw new IllegalArgumentException(
                    "maxPendingFrames must be >= 1, was " + maxPendingFrames);
        }
    }
}
