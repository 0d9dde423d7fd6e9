package dev.candleflow.query.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the service answers with an RFC 9457 problem: the status, a problem type, a clear
 * detail for the caller and, for a bad parameter, its name. Never carries a stack trace.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final String parameter;
    private final Map<String, String> headers = new LinkedHashMap<>();

    ApiException(int status, String type, String title, String detail, String parameter) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.parameter = parameter;
    }

    /** 400: a parameter is missing, malformed, unknown or out of bounds. */
    public static ApiException badParameter(String parameter, String detail) {
        return new ApiException(400, "invalid-parameter", "Invalid parameter", detail, parameter);
    }

    /** 404: the symbol (or resource) does not exist. */
    public static ApiException notFound(String type, String detail) {
        return new ApiException(404, type, "Not found", detail, null);
    }

    /** 401: no credentials, or credentials that are not (or no longer) valid. */
    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail, null)
                .header("WWW-Authenticate", "ApiKey header=\"X-API-Key\"");
    }

    /** 403: a valid key without the scope this endpoint needs. */
    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail, null);
    }

    /** 429: the caller's token bucket is empty. */
    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(429, "rate-limited", "Too many requests", detail, null)
                .header("Retry-After", Long.toString(retryAfterSeconds));
    }

    /** 503: a backing service (ClickHouse, Kafka) is down or the stream is full. */
    public static ApiException unavailable(String detail, long retryAfterSeconds) {
        return new ApiException(503, "unavailable", "Service unavailable", detail, null)
                .header("Retry-After", Long.toString(retryAfterSeconds));
    }

    public static ApiException methodNotAllowed(String method) {
        return new ApiException(
                        405,
                        "method-not-allowed",
                        "Method not allowed",
                        "Method " + method + " is not allowed here; this API is read-only (GET)",
                        null)
                .header("Allow", "GET, HEAD");
    }

    public ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public String parameter() {
        return parameter;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
