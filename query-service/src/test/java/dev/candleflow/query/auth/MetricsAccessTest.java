package dev.candleflow.query.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.candleflow.query.api.ApiException;
import dev.candleflow.query.config.QueryServiceConfig;
import dev.candleflow.query.config.QueryServiceConfigLoader;
import dev.candleflow.query.store.CandleQueries;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * /metrics access without ClickHouse: open by default; protected, only the bearer token (keys with
 * the metrics scope are checked against real keys in MetricsAccessITCase).
 */
class MetricsAccessTest {

    static final String TOKEN = "0123456789abcdef-metrics";
    static final long NOW = 1_800_000_000_000L;

    static MetricsAccess access(String... settings) {
        QueryServiceConfig config = QueryServiceConfigLoader.fromArgs(settings);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        RateLimiter limiter = new RateLimiter(metrics);
        Authenticator auth =
                new Authenticator(
                        new CandleQueries(null),
                        config.auth(),
                        new DashboardSessions(""),
                        limiter,
                        metrics);
        return new MetricsAccess(config.metrics(), auth);
    }

    static ApiException denied(MetricsAccess access, String authorization, String apiKey) {
        return catchThrowableOfType(
                ApiException.class, () -> access.check(authorization, apiKey, "192.0.2.1", NOW));
    }

    @Test
    void openByDefault() {
        MetricsAccess open = access();
        assertThatCode(() -> open.check(null, null, "192.0.2.1", NOW)).doesNotThrowAnyException();
        assertThatCode(() -> open.check("Bearer wrong", "junk", "192.0.2.1", NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void aTokenProtectsMetricsAndOpensThem() {
        MetricsAccess access = access("--metrics.token", TOKEN);
        assertThatCode(() -> access.check("Bearer " + TOKEN, null, "192.0.2.1", NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> access.check("bearer  " + TOKEN + " ", null, "192.0.2.1", NOW))
                .doesNotThrowAnyException();
        for (String wrong :
                new String[] {
                    "Bearer " + TOKEN + "x",
                    "Bearer " + TOKEN.substring(1),
                    "Bearer ",
                    TOKEN,
                    "Basic " + TOKEN,
                    "Bearer" + TOKEN
                }) {
            ApiException e = denied(access, wrong, null);
            assertThat(e.status()).as(wrong).isEqualTo(401);
            assertThat(e.headers()).containsEntry("WWW-Authenticate", MetricsAccess.CHALLENGE);
        }
        ApiException missing = denied(access, null, null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.detail()).contains("metrics.token", "'metrics' scope");
        ApiException malformedKey = denied(access, null, "not-a-key");
        assertThat(malformedKey.status()).isEqualTo(401);
        assertThat(malformedKey.headers())
                .containsEntry("WWW-Authenticate", MetricsAccess.CHALLENGE);
    }

    @Test
    void protectedWithoutATokenAcceptsNoBearer() {
        MetricsAccess access = access("--metrics.protected", "true");
        assertThat(denied(access, "Bearer " + TOKEN, null).status()).isEqualTo(401);
        assertThat(denied(access, null, null).status()).isEqualTo(401);
    }

    @Test
    void guessingEndsIn429() {
        MetricsAccess access = access("--metrics.token", TOKEN, "--rate.anonymous.burst", "3");
        int last = 0;
        for (int i = 0; i < 5; i++) {
            last = denied(access, "Bearer guess-" + i, null).status();
        }
        assertThat(last).isEqualTo(429);
    }
}
