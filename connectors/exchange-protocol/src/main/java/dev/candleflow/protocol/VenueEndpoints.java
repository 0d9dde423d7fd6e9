package dev.candleflow.protocol;

import java.io.Serializable;
import java.net.URI;

/**
 * Where to reach a venue: a WebSocket base and a REST base, each replacing the venue's live
 * endpoint when set (the simulator, a proxy); null means the live one.
 */
public record VenueEndpoints(URI webSocket, URI rest) implements Serializable {

    /** The venue's own live endpoints. */
    public static final VenueEndpoints LIVE = new VenueEndpoints(null, null);

    /** The WebSocket base to use, given the venue's live one. */
    public URI webSocketOr(URI live) {
        return webSocket == null ? live : webSocket;
    }

    /** The REST base to use, given the venue's live one. */
    public URI restOr(URI live) {
        return rest == null ? live : rest;
    }

    /**
     * {@code base} with {@code pathAndQuery} appended, e.g. {@code wss://ws.kraken.com} and {@code
     * /v2}; a trailing slash of the base is dropped so a simulator base may end in one.
     */
    public static URI resolve(URI base, String pathAndQuery) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + pathAndQuery);
    }
}
