package dev.candleflow.source;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Tunables of the exchange source. */
public final class ExchangeSourceOptions {

    private ExchangeSourceOptions() {}

    public static final ConfigOption<Duration> RECONNECT_INITIAL_BACKOFF =
            ConfigOptions.key("source.reconnect.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription(
                            "Ceiling of the first reconnect wait; doubles per failure (full"
                                    + " jitter).");

    public static final ConfigOption<Duration> RECONNECT_MAX_BACKOFF =
            ConfigOptions.key("source.reconnect.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription("Largest reconnect wait.");

    public static final ConfigOption<Duration> RECONNECT_STABLE_PERIOD =
            ConfigOptions.key("source.reconnect.stable-period")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription("A connection open this long resets the backoff.");

    public static final ConfigOption<Integer> RECONNECT_MAX_ATTEMPTS =
            ConfigOptions.key("source.reconnect.max-attempts")
                    .intType()
                    .defaultValue(30)
                    .withDescription(
                            "Failed reconnects in a row before the task fails and Flink restarts"
                                    + " it.");

    public static final ConfigOption<Integer> QUEUE_CAPACITY =
            ConfigOptions.key("source.queue-capacity")
                    .intType()
                    .defaultValue(10_000)
                    .withDescription("Frames buffered between the sockets and Flink, per reader.");

    public static final ConfigOption<Duration> QUEUE_OFFER_TIMEOUT =
            ConfigOptions.key("source.queue-offer-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription(
                            "How long a connection waits for room before it is dropped as"
                                    + " overflowing.");

    public static final ConfigOption<Integer> MAX_INSTRUMENTS_PER_CONNECTION =
            ConfigOptions.key("source.max-instruments-per-connection")
                    .intType()
                    .defaultValue(200)
                    .withDescription(
                            "Instruments per WebSocket connection, capped by each venue's own"
                                    + " limit.");
}
