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

    public static final ConfigOption<Duration> HEALTH_INTERVAL =
            ConfigOptions.key("source.health-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "How often each connection emits a FeedHealth report (counters are"
                                    + " deltas over this interval).");

    public static final ConfigOption<Duration> CONNECTION_MAX_AGE =
            ConfigOptions.key("source.connection.max-age")
                    .durationType()
                    .defaultValue(Duration.ofHours(24))
                    .withDescription(
                            "The venue closes connections at this age (Binance: 24 h); each one is"
                                    + " renewed make-before-break at 90-95% of it.");

    public static final ConfigOption<Duration> CONNECTION_RENEW_OVERLAP =
            ConfigOptions.key("source.connection.renew-overlap")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(2))
                    .withDescription(
                            "How long a renewed connection and its replacement both stay open;"
                                    + " duplicates from the overlap are dropped by sequence.");

    public static final ConfigOption<Double> CONNECTION_RATE_LIMIT =
            ConfigOptions.key("source.connection.rate-limit")
                    .doubleType()
                    .defaultValue(1.0)
                    .withDescription(
                            "New connections per second and venue for the whole job, shared by"
                                    + " the readers (Binance: 300 per 5 minutes per IP).");

    public static final ConfigOption<Integer> CONNECTION_RATE_BURST =
            ConfigOptions.key("source.connection.rate-burst")
                    .intType()
                    .defaultValue(10)
                    .withDescription("Connections a venue may open at once, for the whole job.");

    public static final ConfigOption<Duration> BACKFILL_REQUEST_TIMEOUT =
            ConfigOptions.key("source.backfill.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription("Connect and response timeout of one REST backfill request.");

    public static final ConfigOption<Integer> BACKFILL_MAX_ATTEMPTS =
            ConfigOptions.key("source.backfill.max-attempts")
                    .intType()
                    .defaultValue(5)
                    .withDescription(
                            "Attempts per backfill page before the missing trades are reported"
                                    + " as unrecoverable.");

    public static final ConfigOption<Duration> BACKFILL_INITIAL_BACKOFF =
            ConfigOptions.key("source.backfill.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMillis(500))
                    .withDescription(
                            "Ceiling of the first wait between backfill attempts; doubles per"
                                    + " attempt (full jitter).");

    public static final ConfigOption<Duration> BACKFILL_MAX_BACKOFF =
            ConfigOptions.key("source.backfill.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription("Largest wait between backfill attempts.");

    public static final ConfigOption<Double> BACKFILL_REQUESTS_PER_SECOND =
            ConfigOptions.key("source.backfill.requests-per-second")
                    .doubleType()
                    .defaultValue(2.0)
                    .withDescription(
                            "REST backfill requests per second and venue for the whole job,"
                                    + " shared by the readers (Binance allows about 4: weight 25 of"
                                    + " 6000 per minute).");

    public static final ConfigOption<Integer> BACKFILL_MAX_HELD_TRADES =
            ConfigOptions.key("source.backfill.max-held-trades")
                    .intType()
                    .defaultValue(100_000)
                    .withDescription(
                            "Live trades a connection holds back while its backfills run; beyond"
                                    + " that they are dropped and fetched over REST too.");
}
