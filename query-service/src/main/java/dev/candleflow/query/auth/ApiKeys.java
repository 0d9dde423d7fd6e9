package dev.candleflow.query.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API key format, {@code cf_<id>_<secret>}: a public 12-hex-digit id (what lists and
 * revocations name) and 32 random bytes. Only the key's SHA-256 is stored: keys are long random
 * strings, not passwords, so a fast hash is enough and no salt is needed.
 */
public final class ApiKeys {

    private static final Pattern FORMAT = Pattern.compile("cf_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    /** A new key; shown to its owner once and never stored. */
    public static String generate() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return "cf_"
                + HexFormat.of().formatHex(id)
                + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The public id of a well-formed key, or empty for anything else. */
    public static Optional<String> idOf(String key) {
        if (key == null || key.length() > 64) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(key);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Lower-case hex SHA-256 of the key's UTF-8 bytes. */
    public static String hash(String key) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256")
                            .digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Constant-time comparison of a presented key with a stored hash. */
    public static boolean matches(String key, String storedHash) {
        return MessageDigest.isEqual(
                hash(key).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
