package dev.candleflow.query.config;

import static dev.candleflow.query.config.QueryServiceOptions.*;

import dev.candleflow.model.CandleInterval;
import dev.candleflow.query.http.Cidr;
import dev.candleflow.query.http.ClientAddressResolver;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the settings from an optional file ({@code --config FILE}, {@code key: value} lines) and
 * command-line overrides ({@code --key value} or {@code --key=value}); rejects unknown keys and bad
 * values with a message naming the setting.
 *
 * <pre>{@code
 * QueryServiceConfig config = QueryServiceConfigLoader.fromArgs(
 *         "--clickhouse.url", "jdbc:clickhouse://127.0.0.1:18123", "--port", "8088");
 * }</pre>
 */
public final class QueryServiceConfigLoader {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Pattern METRICS_TOKEN_FORM = Pattern.compile("[\\x21-\\x7e]{16,512}");
    private static final Pattern HOST_PORT_LIST =
            Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}(,[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5})*");

    private QueryServiceConfigLoader() {}

    /** Parses {@code [--config FILE] [--key value ...]}. */
    public static QueryServiceConfig fromArgs(String... args) {
        Map<String, String> overrides = parseArgs(args);
        Map<String, String> settings = new LinkedHashMap<>();
        String file = overrides.remove("config");
        if (file != null) {
            settings.putAll(readFile(Path.of(file)));
        }
        settings.putAll(overrides);
        return fromMap(settings);
    }

    /** {@code --key value} and {@code --key=value} pairs, in order. */
    public static Map<String, String> parseArgs(String... args) {
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

    /** The settings of a {@code key: value} file. */
    public static Map<String, String> fromFile(String file) {
        return readFile(Path.of(file));
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

    /** Validates and types a flat map of settings; absent keys take their defaults. */
    public static QueryServiceConfig fromMap(Map<String, String> settings) {
        rejectUnknown(settings.keySet());
        Values v = new Values(settings);
        return new QueryServiceConfig(
                v.get(HOST),
                v.get(PORT),
                clickHouse(v),
                kafka(v),
                new QueryServiceConfig.Stream(
                        v.get(STREAM_CLIENT_BUFFER),
                        v.get(STREAM_REPLAY_CAPACITY),
                        v.get(STREAM_MAX_CLIENTS),
                        positive(STREAM_KEEPALIVE, v.get(STREAM_KEEPALIVE))),
                new QueryServiceConfig.Query(
                        v.get(QUERY_MAX_LIMIT),
                        v.get(QUERY_MAX_SPAN),
                        v.named(
                                PRICES_INTERVAL,
                                () -> CandleInterval.fromLabel(v.get(PRICES_INTERVAL)))),
                new QueryServiceConfig.Cache(
                        v.get(CACHE_TTL), v.get(CACHE_CATALOG_TTL), v.get(CACHE_MAX_ENTRIES)),
                new QueryServiceConfig.Auth(
                        v.get(AUTH_ANONYMOUS),
                        v.get(AUTH_DASHBOARD_SESSION),
                        v.get(AUTH_SESSION_SECRET),
                        v.get(AUTH_KEY_CACHE_TTL),
                        new QueryServiceConfig.RateLimit(
                                v.get(RATE_ANONYMOUS_PER_MINUTE), v.get(RATE_ANONYMOUS_BURST)),
                        new QueryServiceConfig.RateLimit(
                                v.get(RATE_DASHBOARD_PER_MINUTE), v.get(RATE_DASHBOARD_BURST))),
                http(v),
                metrics(v),
                v.get(DASHBOARD_ENABLED));
    }

    private static QueryServiceConfig.ClickHouse clickHouse(Values v) {
        String database = v.get(CLICKHOUSE_DATABASE);
        if (!IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException(
                    "Invalid setting 'clickhouse.database': '"
                            + database
                            + "' is not a plain identifier");
        }
        return new QueryServiceConfig.ClickHouse(
                v.named(CLICKHOUSE_URL, () -> httpEndpoint(v.get(CLICKHOUSE_URL))),
                database,
                v.get(CLICKHOUSE_USER),
                v.get(CLICKHOUSE_PASSWORD),
                positive(CLICKHOUSE_QUERY_TIMEOUT, v.get(CLICKHOUSE_QUERY_TIMEOUT)));
    }

    private static QueryServiceConfig.Kafka kafka(Values v) {
        String bootstrap = v.get(KAFKA_BOOTSTRAP);
        if (!HOST_PORT_LIST.matcher(bootstrap).matches()) {
            throw new IllegalArgumentException(
                    "Invalid setting 'kafka.bootstrap-servers': '"
                            + bootstrap
                            + "' is not host:port[,host:port...]");
        }
        for (Option<String> topic : List.of(KAFKA_CANDLES_TOPIC, KAFKA_LIVE_TOPIC)) {
            if (!TOPIC.matcher(v.get(topic)).matches()) {
                throw new IllegalArgumentException(
                        "Invalid setting '" + topic.key() + "': not a Kafka topic name");
            }
        }
        return new QueryServiceConfig.Kafka(
                bootstrap, v.get(KAFKA_CANDLES_TOPIC), v.get(KAFKA_LIVE_TOPIC));
    }

    private static QueryServiceConfig.Http http(Values v) {
        List<Cidr> proxies = new ArrayList<>();
        for (String entry : v.get(HTTP_TRUSTED_PROXIES).split(",")) {
            if (!entry.isBlank()) {
                proxies.add(v.named(HTTP_TRUSTED_PROXIES, () -> Cidr.parse(entry)));
            }
        }
        return new QueryServiceConfig.Http(
                proxies,
                v.named(
                        HTTP_FORWARDED_HEADER,
                        () -> ClientAddressResolver.Header.fromName(v.get(HTTP_FORWARDED_HEADER))),
                v.get(HTTP_COMPRESSION),
                v.get(HTTP_COMPRESSION_MIN_SIZE));
    }

    private static QueryServiceConfig.Metrics metrics(Values v) {
        String token = v.get(METRICS_TOKEN);
        if (!token.isEmpty() && !METRICS_TOKEN_FORM.matcher(token).matches()) {
            throw new IllegalArgumentException(
                    "Invalid setting 'metrics.token': use at least 16 printable characters without"
                            + " spaces (e.g. openssl rand -hex 32)");
        }
        return new QueryServiceConfig.Metrics(v.get(METRICS_PROTECTED), token);
    }

    /**
     * {@code jdbc:clickhouse://h:p}, {@code jdbc:clickhouse:http(s)://h:p}, {@code jdbc:ch://h:p}
     * or {@code http(s)://h:p} to the HTTP endpoint {@code http(s)://h:p}.
     */
    static URI httpEndpoint(String url) {
        String rest = url.trim();
        boolean jdbc = rest.startsWith("jdbc:clickhouse:") || rest.startsWith("jdbc:ch:");
        if (jdbc) {
            rest = rest.substring(rest.indexOf(':', 5) + 1);
            if (rest.startsWith("//")) {
                rest = "http:" + rest;
            }
        }
        URI uri;
        try {
            uri = new URI(rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage(), e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "expected jdbc:clickhouse://host:port or http(s)://host:port");
        }
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("host and port are required");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException(
                    "give the database with clickhouse.database, not in the URL");
        }
        if (uri.getQuery() != null) {
            throw new IllegalArgumentException("URL parameters are not supported");
        }
        return URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort());
    }

    private static java.time.Duration positive(Option<?> option, java.time.Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(
                    "Invalid setting '" + option.key() + "': must be longer than 0");
        }
        return d;
    }

    private static void rejectUnknown(Set<String> keys) {
        Set<String> known =
                QueryServiceOptions.all().stream().map(Option::key).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(keys);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "Unknown setting(s) " + unknown + "; known settings: " + new TreeSet<>(known));
        }
    }

    /** Typed reads of the raw settings, defaults for absent keys. */
    private record Values(Map<String, String> raw) {
        <T> T get(Option<T> option) {
            String text = raw.get(option.key());
            return text == null ? option.defaultValue() : option.parse(text);
        }

        <T> T named(Option<?> option, java.util.function.Supplier<T> value) {
            try {
                return value.get();
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("Invalid setting")) {
                    throw e;
                }
                throw new IllegalArgumentException(
                        "Invalid setting '" + option.key() + "': " + e.getMessage(), e);
            }
        }
    }
}
