package dev.candleflow.query.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.query.api.ApiException;
import dev.candleflow.query.config.QueryServiceConfig.RateLimit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Key format and hashing, signed dashboard sessions, token buckets. */
class AuthTest {

    @Test
    void keysHaveAPublicIdAndOnlyTheirHashIsCompared() {
        String key = ApiKeys.generate();
        assertThat(key).matches("cf_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(ApiKeys.idOf(key)).hasValue(key.substring(3, 15));
        String hash = ApiKeys.hash(key);
        assertThat(hash).hasSize(64).doesNotContain(key.substring(16));
        assertThat(ApiKeys.matches(key, hash)).isTrue();
        assertThat(ApiKeys.matches(ApiKeys.generate(), hash)).isFalse();
        assertThat(ApiKeys.idOf("' OR 1=1 --")).isEmpty();
        assertThat(ApiKeys.idOf(null)).isEmpty();
    }

    @Test
    void dashboardSessionsAreSignedAndExpire() {
        DashboardSessions sessions = new DashboardSessions("secret");
        long now = 1_800_000_000_000L;
        String setCookie = sessions.issue(now);
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(sessions.verify("other=1; " + cookie, now)).isPresent();
        assertThat(sessions.verify(cookie, now + DashboardSessions.LIFETIME.toMillis() + 1000))
                .isEmpty();
        assertThat(new DashboardSessions("another").verify(cookie, now)).isEmpty();
        assertThat(sessions.verify(cookie.replace('.', 'x'), now)).isEmpty();
        assertThat(sessions.verify(null, now)).isEmpty();
    }

    @Test
    void bucketsLimitPerKeyAndSayWhenToRetry() {
        RateLimiter limiter = new RateLimiter(new SimpleMeterRegistry());
        RateLimit limit = new RateLimit(60, 3);
        for (int i = 0; i < 3; i++) {
            RateLimiter.State s = limiter.consume("key:a", limit, "KEY");
            assertThat(s.remaining()).isEqualTo(2 - i);
            assertThat(s.headers()).containsEntry("RateLimit-Limit", "3");
        }
        try {
            limiter.consume("key:a", limit, "KEY");
            throw new AssertionError("expected 429");
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.headers()).containsKeys("Retry-After", "RateLimit-Remaining");
            assertThat(Long.parseLong(e.headers().get("Retry-After"))).isBetween(1L, 2L);
        }
        assertThat(limiter.consume("key:b", limit, "KEY").remaining()).isEqualTo(2);
        assertThat(limiter.exhausted("key:a", limit)).isTrue();
    }
}
