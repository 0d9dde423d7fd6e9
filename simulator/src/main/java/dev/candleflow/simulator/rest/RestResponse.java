package dev.candleflow.simulator.rest;

import java.util.Map;
import java.util.Objects;

/**
 * A venue's REST answer.
 *
 * @param status HTTP status
 * @param body JSON body
 * @param headers extra headers (e.g. Coinbase's {@code CB-BEFORE}/{@code CB-AFTER})
 */
public record RestResponse(int status, String body, Map<String, String> headers) {

    public RestResponse {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    public static RestResponse ok(String body) {
        return new RestResponse(200, body, Map.of());
    }

    public static RestResponse of(int status, String body) {
        return new RestResponse(status, body, Map.of());
    }
}
