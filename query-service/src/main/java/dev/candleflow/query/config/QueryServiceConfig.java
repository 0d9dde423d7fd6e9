package dev.candleflow.query.config;

import dev.candleflow.model.CandleInterval;
import dev.candleflow.query.http.Cidr;
import dev.candleflow.query.http.ClientAddressResolver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The query service's validated settings, parsed once at start-up by {@link
 * QueryServiceConfigLoader}; the rest of the service gets typed values only.
 */
public record QueryServiceConfig(
        String host,
        int port,
        ClickHouse clickHouse,
        Kafka kafka,
        Stream stream,
        Query query,
        Cache cache,
        Auth auth,
        Http http,
        Metrics metrics,
        boolean dashboard) {

    public QueryServiceConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clickHouse, "clickHouse");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** Where ClickHouse is: its HTTP endpoint (no database), the database and credentials. */
    public record ClickHouse(
            URI endpoint, String database, String user, String password, Duration queryTimeout) {
        @Override
        public String toString() {
            return "ClickHouse[" + endpoint + ", database " + database + ", user " + user + "]";
        }
    }

    /** The brokers and the two candle topics the live stream reads. */
    public record Kafka(String bootstrapServers, String candlesTopic, String liveTopic) {}

    /** Bounds of the live stream. */
    public record Stream(
            int clientBuffer, int replayCapacity, int maxClients, Duration keepalive) {}

    /** Bounds on what one request may ask of ClickHouse. */
    public record Query(int maxLimit, int maxSpanIntervals, CandleInterval pricesInterval) {}

    /** Staleness and size of the in-memory response cache. */
    public record Cache(Duration ttl, Duration catalogTtl, int maxEntries) {}

    /** Who may read without a key, and how fast. */
    public record Auth(
            boolean anonymous,
            boolean dashboardSession,
            String sessionSecret,
            Duration keyCacheTtl,
            RateLimit anonymousLimit,
            RateLimit dashboardLimit) {}

    /**
     * How clients reach the service: the proxies whose forwarding header names the client (and
     * which header that is), and response compression.
     */
    public record Http(
            List<Cidr> trustedProxies,
            ClientAddressResolver.Header forwardedHeader,
            boolean compression,
            int compressionMinSize) {
        public Http {
            trustedProxies = List.copyOf(trustedProxies);
            Objects.requireNonNull(forwardedHeader, "forwardedHeader");
        }

        /** The resolver of client addresses these settings describe. */
        public ClientAddressResolver clientAddresses() {
            return new ClientAddressResolver(trustedProxies, forwardedHeader);
        }
    }

    /** Who may read /metrics: everyone, or (protected) a bearer token or a key's metrics scope. */
    public record Metrics(boolean protect, String token) {
        public Metrics {
            Objects.requireNonNull(token, "token");
        }

        /** True when /metrics needs credentials: asked for, or implied by a token. */
        public boolean isProtected() {
            return protect || !token.isEmpty();
        }

        @Override
        public String toString() {
            return "Metrics[protected="
                    + isProtected()
                    + ", token "
                    + (token.isEmpty() ? "none" : "set")
                    + "]";
        }
    }

    /** A token bucket: {@code perMinute} tokens refilled per minute, at most {@code burst} held. */
    public record RateLimit(int perMinute, int burst) {
        public RateLimit {
            if (perMinute < 1 || burst < 1) {
                throw new IllegalArgumentException(
                        "rate limits must be >= 1, were " + perMinute + "/min burst " + burst);
            }
        }
    }
}
