package dev.candleflow.query.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hops a forwarding header lists, farthest first and the nearest proxy's peer last: {@code
 * X-Forwarded-For: client, proxy1} or RFC 7239 {@code Forwarded: for=client, for="[2001:db8::1]"}.
 * Several header lines are one list, in order (RFC 9110, 5.3).
 */
final class ForwardedHops {

    private ForwardedHops() {}

    /**
     * The entries of X-Forwarded-For lines, as written (blank entries kept: they are malformed).
     */
    static List<String> xForwardedFor(List<String> lines) {
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            for (String hop : line.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    /**
     * The {@code for=} value of each element of Forwarded lines ({@code ""} for an element without
     * one); empty when a line is not valid RFC 7239 syntax (an unterminated quoted string).
     */
    static Optional<List<String>> forwardedFor(List<String> lines) {
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            List<List<String>> elements = split(line);
            if (elements == null) {
                return Optional.empty();
            }
            for (List<String> pairs : elements) {
                String hop = "";
                for (String pair : pairs) {
                    int eq = pair.indexOf('=');
                    if (eq > 0
                            && pair.substring(0, eq)
                                    .strip()
                                    .toLowerCase(Locale.ROOT)
                                    .equals("for")) {
                        hop = unquote(pair.substring(eq + 1).strip());
                    }
                }
                hops.add(hop);
            }
        }
        return Optional.of(hops);
    }

    /**
     * The address of one hop, without a port: {@code 192.0.2.1}, {@code 192.0.2.1:8080}, {@code
     * 2001:db8::1}, {@code [2001:db8::1]} or {@code [2001:db8::1]:8080}; empty for anything else
     * ({@code unknown}, an obfuscated {@code _identifier}, a host name, garbage).
     */
    static Optional<byte[]> address(String hop) {
        String h = hop.strip();
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0 || !port(h.substring(close + 1), true)) {
                return Optional.empty();
            }
            return IpLiterals.parse(h.substring(1, close)).filter(b -> b.length == 16);
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && colon == h.lastIndexOf(':')) { // IPv4 with a port
            return port(h.substring(colon), false)
                    ? IpLiterals.parse(h.substring(0, colon)).filter(b -> b.length == 4)
                    : Optional.empty();
        }
        return IpLiterals.parse(h);
    }

    /** {@code :digits} (or nothing, when allowed). */
    private static boolean port(String s, boolean optional) {
        if (s.isEmpty()) {
            return optional;
        }
        return s.length() >= 2
                && s.length() <= 6
                && s.charAt(0) == ':'
                && s.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Elements split at commas, each into pairs split at semicolons, outside quoted strings. */
    private static List<List<String>> split(String line) {
        List<List<String>> elements = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\' && i + 1 < line.length()) {
                current.append(c).append(line.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && (c == ';' || c == ',')) {
                pairs.add(current.toString());
                current.setLength(0);
                if (c == ',') {
                    elements.add(pairs);
                    pairs = new ArrayList<>();
                }
                continue;
            }
            current.append(c);
        }
        if (quoted) {
            return null;
        }
        pairs.add(current.toString());
        elements.add(pairs);
        return elements;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || !value.endsWith("\"")) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
