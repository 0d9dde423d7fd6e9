package dev.candleflow.query.api;

import dev.candleflow.query.auth.Authenticator;
import dev.candleflow.query.auth.DashboardSessions;
import dev.candleflow.query.auth.Principal;
import dev.candleflow.query.auth.RateLimiter;
import dev.candleflow.query.auth.Scope;
import dev.candleflow.query.http.ClientAddressResolver;
import dev.candleflow.query.store.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every request: /v1 (authenticated, rate limited, scoped), /health, /metrics, /openapi.json
 * and the dashboard. Every error is an RFC 9457 problem; bad input is a 4xx, a ClickHouse outage a
 * 503, and an unexpected failure a 500 with an id to find it in the log, never a stack trace. The
 * caller's address is the peer's, or the client a trusted proxy names ({@link
 * ClientAddressResolver}).
 */
public final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    /** Everything the handler routes to. */
    public record Routes(
            Map<String, Endpoint> v1,
            StreamEndpoint stream,
            Map<String, Endpoint> open,
            StaticFiles dashboard) {}

    private final Routes routes;
    private final ClientAddressResolver clientAddresses;
    private final Authenticator authenticator;
    private final RateLimiter limiter;
    private final DashboardSessions sessions;
    private final boolean issueSessions;
    private final MeterRegistry metrics;
    private final String cacheControl;

    public ApiHandler(
            Routes routes,
            ClientAddressResolver clientAddresses,
            Authenticator authenticator,
            RateLimiter limiter,
            DashboardSessions sessions,
            boolean issueSessions,
            MeterRegistry metrics,
            long cacheSeconds) {
        this.routes = routes;
        this.clientAddresses = clientAddresses;
        this.authenticator = authenticator;
        this.limiter = limiter;
        this.sessions = sessions;
        this.issueSessions = issueSessions;
        this.metrics = metrics;
        this.cacheControl = "private, max-age=" + cacheSeconds;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String path = request.getHttpURI().getPath();
        String route = route(path);
        Map<String, String> headers = new LinkedHashMap<>();
        ApiResponse answer;
        try {
            ApiRequest api = apiRequest(request, path);
            if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                throw ApiException.methodNotAllowed(request.getMethod());
            }
            if (path.equals("/v1/stream/candles")) {
                authorize(api, Scope.STREAM, headers);
                routes.stream().handle(request, response, callback, api, headers);
                record(route, 200, started);
                return true;
            }
            answer = dispatch(api, path, headers);
        } catch (ApiException e) {
            answer = ApiResponse.problem(e, path);
        } catch (StoreUnavailableException e) {
            answer =
                    ApiResponse.problem(
                            ApiException.unavailable(
                                    "ClickHouse is unavailable; try again shortly", 5),
                            path);
        } catch (RuntimeException e) {
            answer = internalError(request.getMethod(), path, e);
        }
        headers.forEach(answer::withHeader);
        write(response, callback, answer);
        record(route, answer.status(), started);
        return true;
    }

    /** A bug: logged with its stack trace under an id the caller gets, nothing else. */
    private static ApiResponse internalError(String method, String path, RuntimeException e) {
        String id = UUID.randomUUID().toString();
        LOG.error("Request {} {} failed (error id {})", method, path, id, e);
        String detail = "The service failed to answer; error id " + id;
        return ApiResponse.problem(
                new ApiException(500, "internal", "Internal error", detail, null), path);
    }

    private ApiResponse dispatch(ApiRequest api, String path, Map<String, String> headers) {
        Endpoint v1 = routes.v1().get(path);
        if (v1 != null) {
            authorize(api, Scope.READ, headers);
            headers.put("Cache-Control", cacheControl);
            headers.put("Vary", "Accept, X-API-Key, Cookie");
            return v1.handle(api);
        }
        Endpoint open = routes.open().get(path);
        if (open != null) {
            return open.handle(api);
        }
        if (routes.dashboard() != null) {
            var file = routes.dashboard().get(path);
            if (file.isPresent()) {
                ApiResponse r =
                        routes.dashboard().response(file.get(), api.header("If-None-Match"));
                if (path.equals("/")
                        && issueSessions
                        && sessions.verify(api.header("Cookie"), api.nowMillis()).isEmpty()) {
                    r.withHeader("Set-Cookie", sessions.issue(api.nowMillis()));
                }
                return r;
            }
        }
        throw ApiException.notFound("not-found", "No resource at " + Params.shown(path));
    }

    private void authorize(ApiRequest api, Scope scope, Map<String, String> headers) {
        Principal p =
                authenticator.authenticate(
                        api.header("X-API-Key"),
                        api.header("Cookie"),
                        api.remoteAddress(),
                        api.nowMillis());
        headers.putAll(limiter.consume(p.bucket(), p.limit(), p.kind().name()).headers());
        if (!p.may(scope)) {
            throw ApiException.forbidden(
                    "This API key lacks the '" + scope.id() + "' scope this endpoint needs");
        }
    }

    private ApiRequest apiRequest(Request request, String path) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw ApiException.badParameter("query", "The query string is not valid URL encoding");
        }
        fields.forEach(f -> query.put(f.getName(), f.getValues()));
        return new ApiRequest(
                path,
                request.getHttpURI().getQuery(),
                query,
                name -> request.getHeaders().get(name),
                clientAddresses.resolve(
                        Request.getRemoteAddr(request),
                        request.getHeaders().getValuesList(clientAddresses.header().headerName())),
                null,
                System.currentTimeMillis());
    }

    private static void write(Response response, Callback callback, ApiResponse answer) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        answer.headers()
                .forEach(
                        (k, v) -> {
                            if (k.equalsIgnoreCase("Vary")) {
                                // merged with the compression handler's Vary: Accept-Encoding
                                response.getHeaders()
                                        .ensureField(new HttpField(HttpHeader.VARY, v));
                            } else {
                                response.getHeaders().put(k, v);
                            }
                        });
        // the length before compression: the compression handler drops it when it compresses
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    /** A route name for metrics: a known path, {@code /static} or {@code other}, never input. */
    private String route(String path) {
        if (routes.v1().containsKey(path)
                || routes.open().containsKey(path)
                || path.equals("/v1/stream/candles")
                || path.equals("/")) {
            return path;
        }
        return path.startsWith("/static/") ? "/static" : "other";
    }

    private void record(String route, int status, long started) {
        Timer.builder("candleflow.http.requests")
                .description("HTTP requests by route and status")
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram(false)
                .register(metrics)
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
