package dev.candleflow.query.auth;

import dev.candleflow.query.config.QueryServiceConfig.RateLimit;
import java.util.Set;

/**
 * Who is calling: an API key, a dashboard session or an anonymous address, with its scopes and its
 * token bucket's limit. {@code bucket} names the bucket its requests are counted in.
 */
public record Principal(Kind kind, String id, Set<Scope> scopes, RateLimit limit) {

    /** How the caller was recognized. */
    public enum Kind {
        KEY,
        DASHBOARD,
        ANONYMOUS
    }

    public Principal {
        scopes = Set.copyOf(scopes);
    }

    /** The rate-limit bucket: per key (and its limits), per session, or per client address. */
    public String bucket() {
        return switch (kind) {
            case KEY -> "key:" + id + ":" + limit.perMinute() + ":" + limit.burst();
            case DASHBOARD -> "session:" + id;
            case ANONYMOUS -> "address:" + id;
        };
    }

    public boolean may(Scope scope) {
        return scopes.contains(scope);
    }
}
