package dev.candleflow.job.config;

import dev.candleflow.model.Venue;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Every setting of the candle job, with its default and meaning. Keys live only here. */
public final class CandleJobOptions {

    private CandleJobOptions() {}

    public static final ConfigOption<List<String>> VENUES =
            ConfigOptions.key("venues")
                    .stringType()
                    .asList()
                    .defaultValues("binance")
                    .withDescription("Venues to read, e.g. binance.");

    public static final ConfigOption<List<String>> SYMBOLS =
            ConfigOptions.key("symbols")
                    .stringType()
                    .asList()
                    .defaultValues("BTC-USDT", "ETH-USDT", "SOL-USDT")
                    .withDescription("Canonical BASE-QUOTE symbols to read on every venue.");

    /** The WebSocket base URI for a venue, instead of its live endpoint (the simulator). */
    public static ConfigOption<String> endpoint(Venue venue) {
        return ConfigOptions.key("source.endpoint." + venue.id())
                .stringType()
                .noDefaultValue()
                .withDescription(
                        "WebSocket base URI for " + venue.id() + "; unset means the live venue.");
    }

    /** The REST base URI for a venue's backfill, instead of its live one (the simulator). */
    public static ConfigOption<String> restEndpoint(Venue venue) {
        return ConfigOptions.key("source.rest-endpoint." + venue.id())
                .stringType()
                .noDefaultValue()
                .withDescription(
                        "REST base URI for "
                                + venue.id()
                                + " backfill; unset means the live venue.");
    }

    public static final ConfigOption<String> INTERVALS =
            ConfigOptions.key("candles.intervals")
                    .stringType()
                    .defaultValue("1s,1m,5m,15m,1h,1d")
                    .withDescription(
                            "Candle intervals (1s 1m 5m 15m 1h 1d); the smallest is built from"
                                    + " trades, each larger one from the one below it.");

    public static final ConfigOption<Duration> LIVE_INTERVAL =
            ConfigOptions.key("candles.live-interval")
                    .durationType()
                    .defaultValue(Duration.ofMillis(250))
                    .withDescription(
                            "Open candles go to the live topic at most this often per key; 0 turns"
                                    + " live updates off.");

    public static final ConfigOption<String> FILLED_INTERVALS =
            ConfigOptions.key("candles.fill-empty")
                    .stringType()
                    .defaultValue("1m,5m,15m,1h,1d")
                    .withDescription(
                            "Intervals whose empty windows are emitted like exchange klines"
                                    + " (O=H=L=C = previous close, volume 0); never the smallest"
                                    + " interval.");

    public static final ConfigOption<Double> FAT_FINGER_BAND_BPS =
            ConfigOptions.key("outliers.fat-finger.band-bps")
                    .doubleType()
                    .defaultValue(500d)
                    .withDescription(
                            "A print further than this (basis points) from its venue's rolling"
                                    + " median is a fat finger.");

    public static final ConfigOption<Integer> FAT_FINGER_WINDOW =
            ConfigOptions.key("outliers.fat-finger.window")
                    .intType()
                    .defaultValue(25)
                    .withDescription("Recent accepted prices the rolling median is taken over.");

    public static final ConfigOption<Integer> FAT_FINGER_MIN_SAMPLES =
            ConfigOptions.key("outliers.fat-finger.min-samples")
                    .intType()
                    .defaultValue(10)
                    .withDescription("Prices needed before the fat-finger rule applies.");

    public static final ConfigOption<Boolean> FAT_FINGER_KEEP =
            ConfigOptions.key("outliers.fat-finger.keep-in-venue-candle")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Keep flagged prints in the venue's own candle (never in the"
                                    + " consolidated one).");

    public static final ConfigOption<Double> OFF_MARKET_Z =
            ConfigOptions.key("outliers.off-market.z-threshold")
                    .doubleType()
                    .defaultValue(6d)
                    .withDescription(
                            "Robust z-score |p - median| / (1.4826 MAD) above which a venue is"
                                    + " excluded; it is re-admitted below half of it.");

    public static final ConfigOption<Double> OFF_MARKET_FLOOR_BPS =
            ConfigOptions.key("outliers.off-market.floor-bps")
                    .doubleType()
                    .defaultValue(10d)
                    .withDescription(
                            "Floor of the deviation scale in basis points, so a calm market does"
                                    + " not flag noise.");

    public static final ConfigOption<Integer> OFF_MARKET_MIN_VENUES =
            ConfigOptions.key("outliers.off-market.min-venues")
                    .intType()
                    .defaultValue(3)
                    .withDescription(
                            "Venues needed in a window before any is judged off the market.");

    public static final ConfigOption<Duration> STALE_AFTER =
            ConfigOptions.key("outliers.stale-after")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "A venue without trades this long (event time) while others trade is"
                                    + " excluded until it trades again.");

    public static final ConfigOption<String> QUOTE_GROUPS =
            ConfigOptions.key("consolidation.quote-groups")
                    .stringType()
                    .defaultValue("")
                    .withDescription(
                            "Quote assets consolidated as one market, e.g. 'USD:USD,USDT,USDC;"
                                    + "EUR:EUR,EURC'; empty keeps every quote apart.");

    public static final ConfigOption<Duration> ALLOWED_LATENESS =
            ConfigOptions.key("candles.allowed-lateness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription(
                            "Trades this late still revise their candle (revision + 1); later ones"
                                    + " are dead letters.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            ConfigOptions.key("watermark.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(2))
                    .withDescription(
                            "How far behind the newest trade the event-time watermark trails.");

    public static final ConfigOption<Duration> IDLENESS =
            ConfigOptions.key("watermark.idleness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "A connection silent this long (wall time) stops holding back the"
                                    + " watermark.");

    public static final ConfigOption<String> CLICKHOUSE_URL =
            ConfigOptions.key("clickhouse.url")
                    .stringType()
                    .defaultValue("jdbc:clickhouse://127.0.0.1:18123")
                    .withDescription("ClickHouse HTTP JDBC URL, without the database.");

    public static final ConfigOption<String> CLICKHOUSE_DATABASE =
            ConfigOptions.key("clickhouse.database")
                    .stringType()
                    .defaultValue("market")
                    .withDescription("ClickHouse database; created and migrated at start-up.");

    public static final ConfigOption<String> CLICKHOUSE_USER =
            ConfigOptions.key("clickhouse.user")
                    .stringType()
                    .defaultValue("default")
                    .withDescription("ClickHouse user.");

    public static final ConfigOption<String> CLICKHOUSE_PASSWORD =
            ConfigOptions.key("clickhouse.password")
                    .stringType()
                    .defaultValue("")
                    .withDescription("ClickHouse password.");

    public static final ConfigOption<Boolean> CLICKHOUSE_TRADES =
            ConfigOptions.key("clickhouse.trades")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription("Also store every trade in the trades table (kept 7 days).");

    public static final ConfigOption<Integer> CLICKHOUSE_BATCH_SIZE =
            ConfigOptions.key("clickhouse.batch-size")
                    .intType()
                    .defaultValue(5_000)
                    .withDescription("Rows per ClickHouse insert at most.");

    public static final ConfigOption<Duration> CLICKHOUSE_BATCH_INTERVAL =
            ConfigOptions.key("clickhouse.batch-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription("A partial batch is written after this long.");

    public static final ConfigOption<Integer> CLICKHOUSE_MAX_RETRIES =
            ConfigOptions.key("clickhouse.max-retries")
                    .intType()
                    .defaultValue(3)
                    .withDescription(
                            "Retries of a failed batch before the task fails (and restarts from a"
                                    + " checkpoint).");

    public static final ConfigOption<String> KAFKA_BOOTSTRAP =
            ConfigOptions.key("kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("127.0.0.1:19092")
                    .withDescription("Kafka bootstrap servers.");

    public static final ConfigOption<String> KAFKA_CANDLES_TOPIC =
            ConfigOptions.key("kafka.topic.candles")
                    .stringType()
                    .defaultValue("candles")
                    .withDescription(
                            "Topic of final candles (compacted, key"
                                    + " venue|symbol|interval|openTime).");

    public static final ConfigOption<String> KAFKA_LIVE_TOPIC =
            ConfigOptions.key("kafka.topic.candles-live")
                    .stringType()
                    .defaultValue("candles.live")
                    .withDescription("Topic of live updates of open candles (compacted).");

    public static final ConfigOption<String> KAFKA_OUTLIERS_TOPIC =
            ConfigOptions.key("kafka.topic.outliers")
                    .stringType()
                    .defaultValue("outliers")
                    .withDescription("Topic of outlier decisions.");

    public static final ConfigOption<String> KAFKA_DEAD_LETTERS_TOPIC =
            ConfigOptions.key("kafka.topic.dead-letters")
                    .stringType()
                    .defaultValue("dead-letters")
                    .withDescription("Topic of dead letters.");

    public static final ConfigOption<String> KAFKA_FEED_HEALTH_TOPIC =
            ConfigOptions.key("kafka.topic.feed-health")
                    .stringType()
                    .defaultValue("feed-health")
                    .withDescription(
                            "Topic of per-connection health reports (compacted by split).");

    public static final ConfigOption<Duration> KAFKA_TRANSACTION_TIMEOUT =
            ConfigOptions.key("kafka.transaction-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "Kafka transaction timeout; must exceed the checkpoint interval and"
                                    + " stay under the broker's max (15 min by default).");

    public static final ConfigOption<String> KAFKA_TRANSACTIONAL_ID_PREFIX =
            ConfigOptions.key("kafka.transactional-id-prefix")
                    .stringType()
                    .defaultValue("candleflow")
                    .withDescription(
                            "Prefix of the sink's transactional ids; unique per job on a cluster.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("checkpoint.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Checkpoint interval; Kafka output becomes visible to read_committed"
                                    + " consumers at each checkpoint.");
}
