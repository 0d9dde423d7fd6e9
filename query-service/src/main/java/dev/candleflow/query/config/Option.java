package dev.candleflow.query.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * One typed setting of the query service: its key, default (as text, the way a user writes it),
 * meaning, and how its text is read. Keys appear only in {@link QueryServiceOptions}.
 */
public record Option<T>(
        String key, String defaultText, String description, Function<String, T> parser) {

    public Option {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(defaultText, "defaultText");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parser, "parser");
    }

    /** The value of this option's text, or an exception naming the key and the reason. */
    public T parse(String text) {
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Invalid setting '" + key + "': '" + text + "': " + e.getMessage(), e);
        }
    }

    public T defaultValue() {
        return parse(defaultText);
    }
}
