package dev.candleflow.query.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dashboard's read-only sessions: the page at {@code /} sets an HttpOnly, SameSite=Strict
 * cookie {@code id.expiry.hmac}, signed with HMAC-SHA256, and /v1 requests carrying it are served
 * at the dashboard rate limit per session without an API key.
 */
public final class DashboardSessions {

    public static final String COOKIE = "cf_session";
    static final Duration LIFETIME = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;

    /** A secret from configuration, or (empty text) a random one for this process. */
    public DashboardSessions(String configuredSecret) {
        if (configuredSecret == null || configuredSecret.isEmpty()) {
            secret = new byte[32];
            RANDOM.nextBytes(secret);
        } else {
            secret = configuredSecret.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A {@code Set-Cookie} value for a new session. */
    public String issue(long nowMillis) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String payload = B64.encodeToString(id) + "." + (nowMillis / 1000 + LIFETIME.toSeconds());
        return COOKIE
                + "="
                + payload
                + "."
                + sign(payload)
                + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + LIFETIME.toSeconds();
    }

    /** The session id of a valid, unexpired cookie in a {@code Cookie} header. */
    public Optional<String> verify(String cookieHeader, long nowMillis) {
        if (cookieHeader == null || cookieHeader.length() > 4096) {
            return Optional.empty();
        }
        for (String part : cookieHeader.split(";")) {
            String c = part.trim();
            if (c.startsWith(COOKIE + "=")) {
                return check(c.substring(COOKIE.length() + 1), nowMillis);
            }
        }
        return Optional.empty();
    }

    private Optional<String> check(String value, long nowMillis) {
        String[] f = value.split("\\.");
        if (f.length != 3) {
            return Optional.empty();
        }
        String payload = f[0] + "." + f[1];
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, f[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Long.parseLong(f[1]) * 1000 > nowMillis ? Optional.of(f[0]) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
