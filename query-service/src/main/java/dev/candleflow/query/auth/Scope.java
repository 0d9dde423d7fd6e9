package dev.candleflow.query.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a key may do: read the REST API, open the live stream, scrape /metrics. */
public enum Scope {
    READ("read"),
    STREAM("stream"),
    /** Only for keys: dashboard sessions and anonymous callers never read /metrics. */
    METRICS("metrics");

    private final String id;

    Scope(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Scope fromId(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Scope s : values()) {
            if (s.id.equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "Unknown scope '"
                        + text
                        + "'; known: "
                        + Arrays.stream(values()).map(Scope::id).collect(Collectors.joining(", ")));
    }
}
