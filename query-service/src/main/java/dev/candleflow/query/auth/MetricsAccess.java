package dev.candleflow.query.auth;

import dev.candleflow.query.api.ApiException;
import dev.candleflow.query.config.QueryServiceConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Who may read {@code /metrics}. Open by default; when protected ({@code metrics.protected}, or a
 * {@code metrics.token}) only a request with {@code Authorization: Bearer <metrics.token>} or an
 * {@code X-API-Key} with the {@code metrics} scope. The token is compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, in constant time whatever its length. Failures count against the
 * caller's address like failed API keys, so guessing ends in 429.
 */
public final class MetricsAccess {

    static final String CHALLENGE = "Bearer realm=\"metrics\", ApiKey header=\"X-API-Key\"";

    private final boolean enforced;
    private final byte[] tokenDigest;
    private final Authenticator authenticator;

    public MetricsAccess(QueryServiceConfig.Metrics config, Authenticator authenticator) {
        this.enforced = config.isProtected();
        this.tokenDigest = config.token().isEmpty() ? null : sha256(config.token());
        this.authenticator = authenticator;
    }

    /** Returns when the caller may read /metrics; throws 401, 403 or 429 otherwise. */
    public void check(String authorization, String apiKey, String address, long nowMillis) {
        if (!enforced) {
            return;
        }
        try {
            if (authorization != null) {
                if (opens(authorization)) {
                    return;
                }
                throw authenticator.reject(
                        address,
                        "metrics-token",
                        "The Authorization header does not open /metrics");
            }
            if (apiKey != null) {
                Principal p = authenticator.authenticate(apiKey, null, address, nowMillis);
                if (!p.may(Scope.METRICS)) {
                    throw ApiException.forbidden(
                            "This API key lacks the 'metrics' scope /metrics needs");
                }
                return;
            }
            throw authenticator.reject(
                    address,
                    "missing",
                    "/metrics needs credentials: Authorization: Bearer <metrics.token>, or an"
                            + " X-API-Key with the 'metrics' scope");
        } catch (ApiException e) {
            if (e.status() == 401) {
                e.header("WWW-Authenticate", CHALLENGE);
            }
            throw e;
        }
    }

    /** True for {@code Bearer <metrics.token>} (the scheme is case-insensitive, RFC 9110). */
    private boolean opens(String authorization) {
        String a = authorization.strip();
        if (tokenDigest == null
                || a.length() < 8
                || !a.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(sha256(a.substring(7).strip()), tokenDigest);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
