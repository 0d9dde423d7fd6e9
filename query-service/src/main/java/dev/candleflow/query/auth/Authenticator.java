package dev.candleflow.query.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.candleflow.query.api.ApiException;
import dev.candleflow.query.config.QueryServiceConfig;
import dev.candleflow.query.config.QueryServiceConfig.RateLimit;
import dev.candleflow.query.http.IpLiterals;
import dev.candleflow.query.store.ApiKeyRow;
import dev.candleflow.query.store.CandleQueries;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides who a /v1 request is: the key in {@code X-API-Key}, else a dashboard session cookie, else
 * (only when {@code auth.anonymous} is on) its client address. Failed attempts count against the
 * address's anonymous bucket, so a flood of forged keys ends in 429 and never reaches ClickHouse. A
 * key is looked up again once its entry is older than {@code auth.key-cache-ttl} (in the
 * background; the next request sees the result), so a revocation takes effect within that TTL plus
 * one request, and known keys keep working through a ClickHouse outage.
 */
public final class Authenticator {

    /** What callers without a key may do: read and stream, never scrape /metrics. */
    private static final Set<Scope> WITHOUT_KEY = EnumSet.of(Scope.READ, Scope.STREAM);

    private final QueryServiceConfig.Auth config;
    private final DashboardSessions sessions;
    private final RateLimiter limiter;
    private final MeterRegistry metrics;
    private final LoadingCache<String, Optional<ApiKeyRow>> keys;

    public Authenticator(
            CandleQueries queries,
            QueryServiceConfig.Auth config,
            DashboardSessions sessions,
            RateLimiter limiter,
            MeterRegistry metrics) {
        this.config = config;
        this.sessions = sessions;
        this.limiter = limiter;
        this.metrics = metrics;
        this.keys =
                Caffeine.newBuilder()
                        .refreshAfterWrite(config.keyCacheTtl())
                        .expireAfterAccess(Duration.ofHours(1))
                        .maximumSize(10_000)
                        .build(queries::apiKey);
    }

    /** The caller, or a 401 (429 when its address has failed too often). */
    public Principal authenticate(String apiKey, String cookie, String address, long nowMillis) {
        if (apiKey != null) {
            return key(apiKey.trim(), address);
        }
        if (config.dashboardSession()) {
            Optional<String> session = sessions.verify(cookie, nowMillis);
            if (session.isPresent()) {
                return new Principal(
                        Principal.Kind.DASHBOARD,
                        session.get(),
                        WITHOUT_KEY,
                        config.dashboardLimit());
            }
        }
        if (config.anonymous()) {
            return anonymous(address);
        }
        throw reject(
                address,
                "missing",
                "An API key is required: send it in the X-API-Key header (keys are created with"
                        + " KeysCli)");
    }

    /**
     * The anonymous caller at an address, for endpoints open to everyone; counted per IPv4 address
     * or IPv6 /64 ({@link IpLiterals#rateLimitNetwork}).
     */
    public Principal anonymous(String address) {
        return new Principal(
                Principal.Kind.ANONYMOUS,
                IpLiterals.rateLimitNetwork(address),
                WITHOUT_KEY,
                config.anonymousLimit());
    }

    private Principal key(String apiKey, String address) {
        Optional<String> id = ApiKeys.idOf(apiKey);
        if (id.isEmpty()) {
            throw reject(address, "malformed", "The X-API-Key header is not a candleflow API key");
        }
        Optional<ApiKeyRow> row = keys.getIfPresent(id.get());
        if (row == null) {
            // Not cached: an address that keeps failing may not make ClickHouse look keys up.
            RateLimit failures = config.anonymousLimit();
            if (limiter.exhausted(anonymous(address).bucket(), failures)) {
                limiter.consume(anonymous(address).bucket(), failures, "failed-auth");
            }
            row = keys.get(id.get());
        }
        if (row.isEmpty() || !ApiKeys.matches(apiKey, row.get().keyHash())) {
            throw reject(address, "unknown", "Unknown API key");
        }
        ApiKeyRow k = row.get();
        if (k.revoked()) {
            throw reject(address, "revoked", "This API key has been revoked");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String s : k.scopes()) {
            try {
                scopes.add(Scope.fromId(s));
            } catch (IllegalArgumentException e) {
                metrics.counter("candleflow.auth.unknown-scope").increment();
            }
        }
        return new Principal(
                Principal.Kind.KEY, k.keyId(), scopes, new RateLimit(k.ratePerMinute(), k.burst()));
    }

    /**
     * A failed authentication: counted (metric {@code candleflow_auth_failures_total{reason}}) and
     * charged to the address's anonymous bucket, so this throws 429 once that is empty; else the
     * 401 to throw.
     */
    public ApiException reject(String address, String reason, String detail) {
        metrics.counter("candleflow.auth.failures", "reason", reason).increment();
        limiter.consume(anonymous(address).bucket(), config.anonymousLimit(), "failed-auth");
        return ApiException.unauthorized(detail);
    }

    /** Forgets cached keys (tests; a revocation otherwise takes effect within the TTL). */
    public void invalidateKeys() {
        keys.invalidateAll();
    }
}
