package dev.candleflow.query.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Every setting of the query service, with its default and meaning. Keys live only here. */
public final class QueryServiceOptions {

    private QueryServiceOptions() {}

    public static final Option<String> HOST =
            text("host", "127.0.0.1", "Address to listen on; 0.0.0.0 for every interface.");
    public static final Option<Integer> PORT =
            integer("port", "8080", 0, 65535, "HTTP port; 0 takes a free one (see the log).");

    public static final Option<String> HTTP_TRUSTED_PROXIES =
            text(
                    "http.trusted-proxies",
                    "",
                    "Reverse proxies and load balancers (IP addresses or CIDR networks,"
                        + " comma-separated) whose forwarding header names the client; empty = the"
                        + " TCP peer is the client. Only a trusted peer's header is read, so a"
                        + " client cannot choose the address it is rate-limited by.");
    public static final Option<String> HTTP_FORWARDED_HEADER =
            text(
                    "http.forwarded-header",
                    "X-Forwarded-For",
                    "The header the trusted proxies write: X-Forwarded-For or Forwarded (RFC 7239);"
                            + " the other one is ignored. The client is its right-most address that"
                            + " is not a trusted proxy; a header that cannot be read counts as the"
                            + " proxy's own address.");
    public static final Option<Boolean> HTTP_COMPRESSION =
            bool(
                    "http.compression",
                    "true",
                    "Gzip responses (JSON, CSV, problems, the dashboard's files, openapi.json,"
                            + " metrics) for clients sending Accept-Encoding: gzip; never the event"
                            + " stream.");
    public static final Option<Integer> HTTP_COMPRESSION_MIN_SIZE =
            integer(
                    "http.compression.min-size",
                    "1024",
                    0,
                    100_000_000,
                    "Smallest response body, in bytes, that is compressed; smaller ones are sent"
                            + " as they are.");

    public static final Option<String> CLICKHOUSE_URL =
            text(
                    "clickhouse.url",
                    "jdbc:clickhouse://127.0.0.1:18123",
                    "ClickHouse HTTP URL, as the job takes it (jdbc:clickhouse://host:port or"
                            + " http(s)://host:port), without the database.");
    public static final Option<String> CLICKHOUSE_DATABASE =
            text("clickhouse.database", "market", "Database holding the job's tables.");
    public static final Option<String> CLICKHOUSE_USER =
            text("clickhouse.user", "default", "ClickHouse user.");
    public static final Option<String> CLICKHOUSE_PASSWORD =
            text("clickhouse.password", "", "ClickHouse password.");
    public static final Option<Duration> CLICKHOUSE_QUERY_TIMEOUT =
            duration(
                    "clickhouse.query-timeout",
                    "10 s",
                    "Longest a query may run (server max_execution_time and client socket"
                            + " timeout); past it the request gets 503.");

    public static final Option<String> KAFKA_BOOTSTRAP =
            text("kafka.bootstrap-servers", "127.0.0.1:19092", "Kafka brokers.");
    public static final Option<String> KAFKA_CANDLES_TOPIC =
            text("kafka.topic.candles", "candles", "Topic of final candles.");
    public static final Option<String> KAFKA_LIVE_TOPIC =
            text(
                    "kafka.topic.live",
                    "candles.live",
                    "Topic of live (partial) candles; may not exist yet, it is picked up when it"
                            + " appears.");

    public static final Option<Integer> STREAM_CLIENT_BUFFER =
            integer(
                    "stream.client-buffer",
                    "256",
                    1,
                    100_000,
                    "Candles (distinct keys) waiting per slow stream client; a newer update of"
                            + " a key replaces the waiting one, past this the oldest is dropped"
                            + " and the client gets a 'gap' event.");
    public static final Option<Integer> STREAM_REPLAY_CAPACITY =
            integer(
                    "stream.replay-capacity",
                    "20000",
                    0,
                    10_000_000,
                    "Recent stream events kept for clients resuming with Last-Event-ID.");
    public static final Option<Integer> STREAM_MAX_CLIENTS =
            integer(
                    "stream.max-clients",
                    "1000",
                    1,
                    1_000_000,
                    "Open stream connections at most; more get 503.");
    public static final Option<Duration> STREAM_KEEPALIVE =
            duration(
                    "stream.keepalive",
                    "15 s",
                    "A comment line is sent this often on a quiet stream, so proxies keep it"
                            + " open and a gone client is noticed.");

    public static final Option<Integer> QUERY_MAX_LIMIT =
            integer("query.max-limit", "1000", 1, 100_000, "Largest 'limit' a request may ask.");
    public static final Option<Integer> QUERY_MAX_SPAN =
            integer(
                    "query.max-span",
                    "100000",
                    1,
                    10_000_000,
                    "Widest from..to range of one /v1/candles request, in intervals (100000 x 1m ="
                            + " 69 days).");
    public static final Option<String> PRICES_INTERVAL =
            text(
                    "prices.interval",
                    "1m",
                    "Candle interval /v1/prices/latest reads (last close, 24 h change and"
                            + " volume).");

    public static final Option<Duration> CACHE_TTL =
            duration(
                    "cache.ttl",
                    "2 s",
                    "Hot reads (candles, prices, outliers, health) are served from memory for"
                            + " this long: the most a response can be stale.");
    public static final Option<Duration> CACHE_CATALOG_TTL =
            duration(
                    "cache.catalog-ttl",
                    "10 s",
                    "How long the list of symbols, venues and intervals is cached; a new symbol"
                            + " appears (and stops being 404) within this.");
    public static final Option<Integer> CACHE_MAX_ENTRIES =
            integer("cache.max-entries", "10000", 0, 10_000_000, "Cached responses at most.");

    public static final Option<Boolean> AUTH_ANONYMOUS =
            bool(
                    "auth.anonymous",
                    "false",
                    "Serve /v1 without an API key (read-only, anonymous rate limit per client"
                            + " address).");
    public static final Option<Boolean> AUTH_DASHBOARD_SESSION =
            bool(
                    "auth.dashboard-session",
                    "true",
                    "The dashboard page hands out a signed session cookie that lets the page"
                            + " itself read /v1 without a key, at the dashboard rate limit.");
    public static final Option<String> AUTH_SESSION_SECRET =
            text(
                    "auth.session-secret",
                    "",
                    "Secret signing dashboard cookies; empty = random per start. Set the same"
                            + " value on every replica behind one load balancer.");
    public static final Option<Duration> AUTH_KEY_CACHE_TTL =
            duration(
                    "auth.key-cache-ttl",
                    "10 s",
                    "A key's lookup is refreshed from ClickHouse once older than this: a revoked"
                            + " key stops working within this (plus one request).");

    public static final Option<Integer> RATE_ANONYMOUS_PER_MINUTE =
            integer(
                    "rate.anonymous.per-minute",
                    "120",
                    1,
                    10_000_000,
                    "Requests per minute per client address without a valid key (also counts"
                            + " failed authentications).");
    public static final Option<Integer> RATE_ANONYMOUS_BURST =
            integer("rate.anonymous.burst", "30", 1, 10_000_000, "Burst of the above.");
    public static final Option<Integer> RATE_DASHBOARD_PER_MINUTE =
            integer(
                    "rate.dashboard.per-minute",
                    "600",
                    1,
                    10_000_000,
                    "Requests per minute per dashboard session.");
    public static final Option<Integer> RATE_DASHBOARD_BURST =
            integer("rate.dashboard.burst", "120", 1, 10_000_000, "Burst of the above.");

    public static final Option<Boolean> METRICS_PROTECTED =
            bool(
                    "metrics.protected",
                    "false",
                    "Require credentials on /metrics: an API key with the 'metrics' scope"
                            + " (X-API-Key) or metrics.token. Off by default: in production protect"
                            + " /metrics this way or keep it behind a firewall.");
    public static final Option<String> METRICS_TOKEN =
            text(
                    "metrics.token",
                    "",
                    "Bearer token that opens /metrics (Authorization: Bearer TOKEN, compared in"
                        + " constant time); setting it turns metrics.protected on. At least 16"
                        + " characters; keep it in the --config file, not on the command line.");

    public static final Option<Boolean> DASHBOARD_ENABLED =
            bool("dashboard.enabled", "true", "Serve the dashboard at /.");

    /** Every option, in declaration order. */
    public static List<Option<?>> all() {
        List<Option<?>> all = new ArrayList<>();
        for (Field f : QueryServiceOptions.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Option.class) {
                try {
                    all.add((Option<?>) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot read option " + f.getName(), e);
                }
            }
        }
        return all;
    }

    private static Option<String> text(String key, String def, String description) {
        return new Option<>(key, def, description, Function.identity());
    }

    private static Option<Duration> duration(String key, String def, String description) {
        return new Option<>(key, def, description, Durations::parse);
    }

    private static Option<Boolean> bool(String key, String def, String description) {
        return new Option<>(key, def, description, QueryServiceOptions::parseBoolean);
    }

    private static Option<Integer> integer(
            String key, String def, int min, int max, String description) {
        return new Option<>(
                key,
                def,
                description,
                s -> {
                    int v = Integer.parseInt(s);
                    if (v < min || v > max) {
                        throw new IllegalArgumentException(
                                "must be between " + min + " and " + max);
                    }
                    return v;
                });
    }

    private static boolean parseBoolean(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }
}
