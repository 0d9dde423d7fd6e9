package dev.candleflow.query.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.candleflow.query.api.ApiException;
import dev.candleflow.query.config.QueryServiceConfig.RateLimit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets (Bucket4j) per key, dashboard session or client address: {@code perMinute} tokens a
 * minute, {@code burst} at most. Buckets idle for 15 minutes are forgotten, and at most 100,000 are
 * kept, so memory is bounded whoever calls.
 */
public final class RateLimiter {

    private final Cache<String, Bucket> buckets =
            Caffeine.newBuilder()
                    .expireAfterAccess(Duration.ofMinutes(15))
                    .maximumSize(100_000)
                    .build();
    private final MeterRegistry metrics;

    public RateLimiter(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** What is left in a bucket after a request, as response headers. */
    public record State(RateLimit limit, long remaining, long resetSeconds) {
        public Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("RateLimit-Limit", Integer.toString(limit.burst()));
            h.put("RateLimit-Remaining", Long.toString(remaining));
            h.put("RateLimit-Reset", Long.toString(resetSeconds));
            h.put("RateLimit-Policy", limit.perMinute() + ";w=60;burst=" + limit.burst());
            return h;
        }
    }

    /** Takes one token, or throws 429 with Retry-After and the RateLimit headers. */
    public State consume(String bucket, RateLimit limit, String who) {
        ConsumptionProbe probe = bucket(bucket, limit).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            long missing = limit.burst() - probe.getRemainingTokens();
            return new State(limit, probe.getRemainingTokens(), seconds(missing, limit));
        }
        long retry = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        metrics.counter("candleflow.ratelimit.rejected", "principal", who).increment();
        ApiException e =
                ApiException.tooManyRequests(
                        "Rate limit of "
                                + limit.perMinute()
                                + " requests per minute (burst "
                                + limit.burst()
                                + ") exceeded; retry in "
                                + retry
                                + " s",
                        retry);
        State s = new State(limit, 0, retry);
        s.headers().forEach(e::header);
        throw e;
    }

    /** True when the bucket has no token left (without taking one). */
    public boolean exhausted(String bucket, RateLimit limit) {
        return bucket(bucket, limit).getAvailableTokens() < 1;
    }

    private Bucket bucket(String key, RateLimit limit) {
        return buckets.get(
                key,
                k ->
                        Bucket.builder()
                                .addLimit(
                                        l ->
                                                l.capacity(limit.burst())
                                                        .refillGreedy(
                                                                limit.perMinute(),
                                                                Duration.ofMinutes(1)))
                                .build());
    }

    private static long seconds(long tokens, RateLimit limit) {
        return (tokens * 60 + limit.perMinute() - 1) / limit.perMinute();
    }
}
