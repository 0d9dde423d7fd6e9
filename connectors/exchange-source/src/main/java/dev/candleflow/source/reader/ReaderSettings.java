package dev.candleflow.source.reader;

import dev.candleflow.source.backfill.BackfillSettings;
import dev.candleflow.source.transport.ReconnectPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a reader needs besides adapters and transport, parsed once from {@code
 * ExchangeSourceOptions}. Rates are for the whole job per venue; {@link #perReader} gives one
 * reader's share.
 *
 * @param connectsPerSecond new connections per second and venue
 * @param connectBurst connections a venue may open at once
 */
public record ReaderSettings(
        ReconnectPolicy reconnect,
        int queueCapacity,
        Duration offerTimeout,
        Duration healthInterval,
        double connectsPerSecond,
        int connectBurst,
        BackfillSettings backfill)
        implements Serializable {

    public static final ReaderSettings DEFAULT =
            new ReaderSettings(
                    ReconnectPolicy.DEFAULT,
                    10_000,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10),
                    1.0,
                    10,
                    BackfillSettings.DEFAULT);

    public ReaderSettings {
        Objects.requireNonNull(reconnect, "reconnect");
        Objects.requireNonNull(backfill, "backfill");
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be >= 1");
        }
        if (healthInterval.isNegative() || healthInterval.isZero()) {
            throw new IllegalArgumentException("health interval must be > 0");
        }
        if (!(connectsPerSecond > 0) || Double.isInfinite(connectsPerSecond) || connectBurst < 1) {
            throw new IllegalArgumentException("connection rate must be > 0 with a burst >= 1");
        }
    }

    /** The share of one of {@code parallelism} readers: rates and bursts are divided. */
    public ReaderSettings perReader(int parallelism) {
        int p = Math.max(1, parallelism);
        return new ReaderSettings(
                reconnect,
                queueCapacity,
                offerTimeout,
                healthInterval,
                connectsPerSecond / p,
                Math.max(1, connectBurst / p),
                backfill.perReader(p));
    }
}
