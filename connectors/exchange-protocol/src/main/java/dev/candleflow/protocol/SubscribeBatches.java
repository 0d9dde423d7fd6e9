package dev.candleflow.protocol;

import java.util.ArrayList;
import java.util.List;

/** Splits a venue's subscription arguments into requests that respect its per-request limits. */
public final class SubscribeBatches {

    private SubscribeBatches() {}

    /** Consecutive groups of at most {@code size} items, in order. */
    public static <T> List<List<T>> byCount(List<T> items, int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("batch size must be > 0, was " + size);
        }
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return batches;
    }

    /**
     * Requests {@code prefix + a,b,c + suffix}, each at most {@code maxChars} long, holding the
     * JSON fragments in order. The fragments are ASCII, so characters are bytes.
     */
    public static List<String> byLength(
            List<String> fragments, String prefix, String suffix, int maxChars) {
        int budget = maxChars - prefix.length() - suffix.length();
        List<String> requests = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String fragment : fragments) {
            if (fragment.length() > budget) {
                throw new IllegalArgumentException("one argument exceeds " + maxChars + " chars");
            }
            int needed = body.length() == 0 ? fragment.length() : fragment.length() + 1;
            if (body.length() + needed > budget) {
                requests.add(prefix + body + suffix);
                body.setLength(0);
            }
            body.append(body.length() == 0 ? "" : ",").append(fragment);
        }
        if (body.length() > 0) {
            requests.add(prefix + body + suffix);
        }
        return requests;
    }

    /** The JSON array of the quoted strings, e.g. {@code ["a","b"]}. */
    public static String jsonArray(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (String v : values) {
            sb.append(sb.length() == 1 ? "" : ",").append(JsonFrames.quote(v));
        }
        return sb.append(']').toString();
    }
}
