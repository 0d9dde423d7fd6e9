package dev.candleflow.query.auth;

import java.util.Locale;

/** What a key may do: read the REST API, open the live stream. */
public enum Scope {
    READ("read"),
    STREAM("stream");

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
        throw new IllegalArgumentException("Unknown scope '" + text + "'; known: read, stream");
    }
}
