package dev.candleflow.query.api;

/** One GET endpoint: a validated request in, a complete response out (or an ApiException). */
@FunctionalInterface
public interface Endpoint {
    ApiResponse handle(ApiRequest request);
}
