package dev.candleflow.query.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete (non-streaming) HTTP answer: status, content type, body and extra headers. */
public record ApiResponse(
        int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public static ApiResponse json(Object value) {
        return new ApiResponse(200, JSON, Json.bytes(value), new LinkedHashMap<>());
    }

    public static ApiResponse text(int status, String contentType, String body) {
        return new ApiResponse(
                status, contentType, body.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    /** The RFC 9457 body of a problem, at the request path. */
    public static ApiResponse problem(ApiException e, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + e.type());
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.detail());
        body.put("instance", instance);
        if (e.parameter() != null) {
            body.put("parameter", e.parameter());
        }
        return new ApiResponse(
                e.status(), PROBLEM_JSON, Json.bytes(body), new LinkedHashMap<>(e.headers()));
    }

    public ApiResponse withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
