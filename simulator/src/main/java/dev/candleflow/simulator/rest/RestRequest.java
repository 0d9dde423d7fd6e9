package dev.candleflow.simulator.rest;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One REST request as a venue handler sees it: method, decoded path and query parameters.
 *
 * @param method HTTP method, upper case
 * @param path decoded path, e.g. {@code /api/v3/historicalTrades}
 * @param query decoded parameters in request order; a repeated name keeps every value
 */
public record RestRequest(String method, String path, Map<String, List<String>> query) {

    public RestRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
    }

    /** Parses a request target such as {@code /api/v3/trades?symbol=BTCUSDT&limit=5}. */
    public static RestRequest of(String method, URI uri) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        String path = uri.getPath() == null ? "/" : uri.getPath();
        return new RestRequest(method, path, query);
    }

    /** The first value of {@code name}, if sent. */
    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether {@code name} was sent with a non-empty value. */
    public boolean has(String name) {
        return param(name).filter(v -> !v.isEmpty()).isPresent();
    }

    /** The value of {@code name} as a long, if sent and a valid integer. */
    public Optional<Long> number(String name) {
        try {
            return param(name).filter(s -> !s.isEmpty()).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The first of {@code names} that was sent with a value that is not an integer. */
    public Optional<String> firstNonNumber(String... names) {
        for (String name : names) {
            if (has(name) && number(name).isEmpty()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A broken %-escape: keep the text as sent; the handler rejects it as a bad value.
            return text;
        }
    }
}
