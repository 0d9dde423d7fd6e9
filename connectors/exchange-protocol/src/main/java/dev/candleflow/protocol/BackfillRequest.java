package dev.candleflow.protocol;

import java.net.URI;
import java.util.Map;

/** One REST GET: the full URI and any headers the venue wants. */
public record BackfillRequest(URI uri, Map<String, String> headers) {
    public BackfillRequest {
        headers = Map.copyOf(headers);
    }

    public static BackfillRequest get(URI uri) {
        return new BackfillRequest(uri, Map.of());
    }
}
