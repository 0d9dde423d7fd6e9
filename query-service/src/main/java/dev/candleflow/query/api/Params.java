package dev.candleflow.query.api;

import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The query parameters of one request, validated: unknown, repeated or oversized parameters and
 * malformed values become a 400 naming the parameter, before anything reaches ClickHouse.
 */
public final class Params {

    /** Latest time a request may name: 2100-01-01T00:00:00Z. */
    public static final long MAX_TIME = 4_102_444_800_000L;

    private static final int MAX_VALUE_LENGTH = 512;
    private static final Pattern VENUE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern MILLIS = Pattern.compile("-?\\d{1,19}");

    private final Map<String, List<String>> raw;

    private Params(Map<String, List<String>> raw) {
        this.raw = raw;
    }

    /** Checks that only {@code allowed} parameters appear, each once and of sane length. */
    public static Params of(Map<String, List<String>> raw, Set<String> allowed) {
        for (Map.Entry<String, List<String>> e : raw.entrySet()) {
            String name = e.getKey();
            if (!allowed.contains(name)) {
                throw ApiException.badParameter(
                        shown(name),
                        "Unknown parameter '"
                                + shown(name)
                                + "'; this endpoint takes "
                                + (allowed.isEmpty() ? "none" : new TreeSet<>(allowed)));
            }
            if (e.getValue().size() > 1) {
                throw ApiException.badParameter(name, "Parameter '" + name + "' is repeated");
            }
            if (e.getValue().get(0).length() > MAX_VALUE_LENGTH) {
                throw ApiException.badParameter(name, "Parameter '" + name + "' is too long");
            }
        }
        return new Params(raw);
    }

    public Optional<String> text(String name) {
        List<String> v = raw.get(name);
        return v == null || v.get(0).isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public String required(String name) {
        return text(name)
                .orElseThrow(
                        () ->
                                ApiException.badParameter(
                                        name, "Parameter '" + name + "' is required"));
    }

    /** A canonical {@code BASE-QUOTE} symbol, e.g. {@code BTC-USDT}. */
    public static String symbol(String name, String value) {
        try {
            return InstrumentId.parse(value).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(
                    name,
                    "'"
                            + shown(value)
                            + "' is not a symbol; expected BASE-QUOTE in letters and digits, e.g."
                            + " BTC-USDT");
        }
    }

    /** Comma-separated symbols, at most {@code max}, duplicates removed, order kept. */
    public List<String> symbols(String name, int max) {
        List<String> out = new ArrayList<>();
        for (String s : required(name).split(",", -1)) {
            String symbol = symbol(name, s.trim());
            if (!out.contains(symbol)) {
                out.add(symbol);
            }
        }
        if (out.size() > max) {
            throw ApiException.badParameter(name, "At most " + max + " symbols per request");
        }
        return out;
    }

    /** A venue id that is one of {@code known}. */
    public static String venue(String name, String value, Collection<String> known) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!VENUE.matcher(v).matches() || !known.contains(v)) {
            throw ApiException.badParameter(
                    name,
                    "Unknown venue '" + shown(value) + "'; known venues: " + new TreeSet<>(known));
        }
        return v;
    }

    public CandleInterval interval(String name, CandleInterval fallback) {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return CandleInterval.fromLabel(v.get());
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(
                    name,
                    "Unknown interval '" + shown(v.get()) + "'; known: 1s, 1m, 5m, 15m, 1h, 1d");
        }
    }

    /** Epoch milliseconds or an ISO-8601 instant ({@code 2026-11-21T09:00:00Z}). */
    public OptionalLong time(String name) {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        long t;
        try {
            t =
                    MILLIS.matcher(v.get()).matches()
                            ? Long.parseLong(v.get())
                            : Instant.parse(v.get()).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw ApiException.badParameter(
                    name,
                    "'"
                            + shown(v.get())
                            + "' is not a time; use epoch milliseconds or ISO-8601, e.g."
                            + " 2026-11-21T09:00:00Z");
        }
        if (t < 0 || t > MAX_TIME) {
            throw ApiException.badParameter(
                    name, "Time " + t + " is out of range (1970 to 2100, epoch milliseconds)");
        }
        return OptionalLong.of(t);
    }

    public int limit(String name, int fallback, int max) {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return Math.min(fallback, max);
        }
        int n;
        try {
            n = Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > max) {
            throw ApiException.badParameter(
                    name, "'" + shown(v.get()) + "' is not a limit; use 1 to " + max);
        }
        return n;
    }

    /** {@code asc} (default) or {@code desc}; true for descending. */
    public boolean descending(String name) {
        String v = text(name).orElse("asc");
        return switch (v) {
            case "asc" -> false;
            case "desc" -> true;
            default ->
                    throw ApiException.badParameter(
                            name, "'" + shown(v) + "' is not an order; use asc or desc");
        };
    }

    /** A value as it may be echoed in a message: short, printable. */
    static String shown(String value) {
        String s = value.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
