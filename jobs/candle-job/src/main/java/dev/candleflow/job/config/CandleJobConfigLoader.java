package dev.candleflow.job.config;

import static dev.candleflow.job.config.CandleJobOptions.*;

import dev.candleflow.clickhouse.ClickHouseConnectionOptions;
import dev.candleflow.clickhouse.ClickHouseSinkOptions;
import dev.candleflow.job.candles.CandleSettings;
import dev.candleflow.job.candles.ConsolidationSettings;
import dev.candleflow.job.candles.FatFingerSettings;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.VenueEndpoints;
import dev.candleflow.source.ExchangeSourceOptions;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Reads the settings from an optional file ({@code key: value} or {@code key=value} lines) and
 * command-line overrides ({@code --key value} or {@code --key=value}), rejects unknown keys and bad
 * values with a message naming the setting, and builds a {@link CandleJobConfig}.
 */
public final class CandleJobConfigLoader {

    private CandleJobConfigLoader() {}

    /** Parses {@code [--config FILE] [--key value ...]}. */
    public static CandleJobConfig fromArgs(String... args) {
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> overrides = parseArgs(args);
        String file = overrides.remove("config");
        if (file != null) {
            settings.putAll(readFile(Path.of(file)));
        }
        settings.putAll(overrides);
        return fromMap(settings);
    }

    static Map<String, String> parseArgs(String... args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException(
                        "Unexpected argument '" + a + "'; use --key value");
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                out.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                out.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("Setting '" + a.substring(2) + "' has no value");
            }
        }
        return out;
    }

    static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k.trim(), p.getProperty(k).trim()));
        return out;
    }

    /** Validates and types a flat map of settings. */
    public static CandleJobConfig fromMap(Map<String, String> settings) {
        rejectUnknown(settings);
        Configuration c = Configuration.fromMap(settings);
        Map<Venue, List<InstrumentId>> subscriptions = new EnumMap<>(Venue.class);
        List<InstrumentId> symbols = new ArrayList<>();
        for (String s : list(settings, SYMBOLS)) {
            symbols.add(named(SYMBOLS, () -> InstrumentId.parse(s)));
        }
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols: at least one symbol is required");
        }
        Map<Venue, VenueEndpoints> endpoints = new EnumMap<>(Venue.class);
        for (String v : list(settings, VENUES)) {
            Venue venue = named(VENUES, () -> Venue.fromId(v));
            subscriptions.put(venue, symbols);
            String ws = c.get(endpoint(venue));
            String rest = c.get(restEndpoint(venue));
            if (ws != null || rest != null) {
                endpoints.put(
                        venue,
                        new VenueEndpoints(
                                ws == null
                                        ? null
                                        : named(endpoint(venue), () -> uri(ws, "ws", "wss")),
                                rest == null
                                        ? null
                                        : named(
                                                restEndpoint(venue),
                                                () -> uri(rest, "http", "https"))));
            }
        }
        return new CandleJobConfig(
                subscriptions,
                endpoints,
                c,
                named(INTERVALS, () -> candleSettings(c)),
                named(
                        FAT_FINGER_BAND_BPS,
                        () ->
                                new FatFingerSettings(
                                        get(c, FAT_FINGER_BAND_BPS), get(c, FAT_FINGER_WINDOW),
                                        get(c, FAT_FINGER_MIN_SAMPLES), get(c, FAT_FINGER_KEEP))),
                named(
                        OFF_MARKET_Z,
                        () ->
                                new ConsolidationSettings(
                                        get(c, OFF_MARKET_Z), get(c, OFF_MARKET_FLOOR_BPS),
                                        get(c, OFF_MARKET_MIN_VENUES), get(c, STALE_AFTER))),
                named(QUOTE_GROUPS, () -> QuoteGroups.parse(get(c, QUOTE_GROUPS))),
                get(c, OUT_OF_ORDERNESS),
                get(c, IDLENESS),
                named(
                        CLICKHOUSE_URL,
                        () ->
                                new ClickHouseConnectionOptions(
                                        get(c, CLICKHOUSE_URL),
                                        get(c, CLICKHOUSE_DATABASE),
                                        get(c, CLICKHOUSE_USER),
                                        get(c, CLICKHOUSE_PASSWORD))),
                named(
                        CLICKHOUSE_BATCH_SIZE,
                        () ->
                                new ClickHouseSinkOptions(
                                        get(c, CLICKHOUSE_BATCH_SIZE),
                                        get(c, CLICKHOUSE_BATCH_INTERVAL),
                                        get(c, CLICKHOUSE_MAX_RETRIES))),
                get(c, CLICKHOUSE_TRADES),
                get(c, KAFKA_BOOTSTRAP),
                named(
                        KAFKA_CANDLES_TOPIC,
                        () ->
                                new Topics(
                                        get(c, KAFKA_CANDLES_TOPIC),
                                        get(c, KAFKA_LIVE_TOPIC),
                                        get(c, KAFKA_OUTLIERS_TOPIC),
                                        get(c, KAFKA_DEAD_LETTERS_TOPIC),
                                        get(c, KAFKA_FEED_HEALTH_TOPIC))),
                get(c, KAFKA_TRANSACTION_TIMEOUT),
                get(c, KAFKA_TRANSACTIONAL_ID_PREFIX),
                get(c, CHECKPOINT_INTERVAL));
    }

    private static CandleSettings candleSettings(Configuration c) {
        return new CandleSettings(
                intervals(get(c, INTERVALS)),
                get(c, ALLOWED_LATENESS),
                get(c, LIVE_INTERVAL),
                java.util.Set.copyOf(intervals(get(c, FILLED_INTERVALS))));
    }

    private static List<CandleInterval> intervals(String csv) {
        return java.util.Arrays.stream(csv.split("[,;\\s]+"))
                .filter(s -> !s.isEmpty())
                .map(CandleInterval::fromLabel)
                .toList();
    }

    /** A list setting, separated by commas, semicolons or spaces (Flink itself wants ';'). */
    private static List<String> list(
            Map<String, String> settings, ConfigOption<List<String>> option) {
        String raw = settings.get(option.key());
        if (raw == null) {
            return option.defaultValue();
        }
        return java.util.Arrays.stream(raw.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static URI uri(String text, String... schemes) {
        URI uri = URI.create(text);
        if (!java.util.List.of(schemes).contains(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a " + String.join(" or ", schemes) + " URI");
        }
        return uri;
    }

    /** Reads an option; a value Flink cannot convert is reported with its key. */
    private static <T> T get(Configuration c, ConfigOption<T> option) {
        return named(option, () -> c.get(option));
    }

    private static <T> T named(ConfigOption<?> option, java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid setting '" + option.key() + "': " + e.getMessage(), e);
        }
    }

    private static void rejectUnknown(Map<String, String> settings) {
        TreeSet<String> known = knownKeys();
        for (String key : settings.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(
                        "Unknown setting '" + key + "'. Known settings: " + known);
            }
        }
    }

    /** Every key this job accepts. */
    public static TreeSet<String> knownKeys() {
        TreeSet<String> keys = new TreeSet<>();
        for (Class<?> holder : List.of(CandleJobOptions.class, ExchangeSourceOptions.class)) {
            for (Field f : holder.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
                    try {
                        keys.add(((ConfigOption<?>) f.get(null)).key());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("Cannot read option " + f, e);
                    }
                }
            }
        }
        for (Venue v : Venue.values()) {
            keys.add(endpoint(v).key());
            keys.add(restEndpoint(v).key());
        }
        return keys;
    }
}
