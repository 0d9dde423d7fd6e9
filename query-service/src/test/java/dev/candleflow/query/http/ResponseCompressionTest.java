package dev.candleflow.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.query.api.ApiHandler;
import dev.candleflow.query.api.ApiResponse;
import dev.candleflow.query.api.Endpoint;
import dev.candleflow.query.api.ProblemErrorHandler;
import dev.candleflow.query.api.StaticFiles;
import dev.candleflow.query.auth.Authenticator;
import dev.candleflow.query.auth.DashboardSessions;
import dev.candleflow.query.auth.RateLimiter;
import dev.candleflow.query.config.QueryServiceConfig;
import dev.candleflow.query.config.QueryServiceConfigLoader;
import dev.candleflow.query.store.CandleQueries;
import dev.candleflow.query.testutils.Http;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real {@link ApiHandler} behind {@link ResponseCompression} on a local Jetty (anonymous
 * access, no ClickHouse): gzip above the minimum size, identical bytes once decompressed, lengths
 * and ETags right, and an event stream that is neither compressed nor held back.
 */
class ResponseCompressionTest {

    static final String GZIP = "gzip";
    static final byte[] BIG_JSON = bigJson();
    static final Queue<Runnable> OPEN_STREAMS = new ConcurrentLinkedQueue<>();

    static Server server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(ResponseCompression.wrap(new Routing(apiHandler()), 1024));
        server.setErrorHandler(new ProblemErrorHandler());
        server.start();
        http = new Http(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"));
    }

    @AfterAll
    static void stop() throws Exception {
        OPEN_STREAMS.forEach(Runnable::run);
        server.stop();
    }

    static ApiHandler apiHandler() {
        QueryServiceConfig config = QueryServiceConfigLoader.fromArgs("--auth.anonymous", "true");
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        RateLimiter limiter = new RateLimiter(metrics);
        DashboardSessions sessions = new DashboardSessions("");
        Authenticator auth =
                new Authenticator(
                        new CandleQueries(null), config.auth(), sessions, limiter, metrics);
        Map<String, Endpoint> v1 = new LinkedHashMap<>();
        v1.put(
                "/v1/candles",
                r ->
                        r.wantsCsv()
                                ? ApiResponse.text(200, "text/csv; charset=utf-8", csv())
                                : new ApiResponse(
                                        200, ApiResponse.JSON, BIG_JSON, new LinkedHashMap<>()));
        v1.put("/v1/symbols", r -> ApiResponse.json(Map.of("data", List.of())));
        return new ApiHandler(
                new ApiHandler.Routes(
                        v1,
                        null,
                        Map.of(
                                "/metrics",
                                r ->
                                        ApiResponse.text(
                                                200,
                                                "text/plain; version=0.0.4; charset=utf-8",
                                                "# TYPE up gauge\nup 1\n".repeat(200))),
                        new StaticFiles()),
                ClientAddressResolver.direct(),
                auth,
                limiter,
                sessions,
                false,
                metrics,
                2);
    }

    @Test
    void largeJsonAndCsvAreGzippedToTheSameBytes() {
        for (String accept : new String[] {"application/json", "text/csv"}) {
            HttpResponse<byte[]> plain = http.getBytes("/v1/candles", "Accept", accept);
            HttpResponse<byte[]> gzipped =
                    http.getBytes("/v1/candles", "Accept", accept, "Accept-Encoding", GZIP);
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(plain.headers().firstValueAsLong("Content-Length"))
                    .hasValue(plain.body().length);
            assertThat(gzipped.statusCode()).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue(GZIP);
            assertThat(gzipped.headers().firstValue("Content-Type"))
                    .isEqualTo(plain.headers().firstValue("Content-Type"));
            // never the uncompressed length on a compressed body
            gzipped.headers()
                    .firstValueAsLong("Content-Length")
                    .ifPresent(l -> assertThat(l).isEqualTo(gzipped.body().length));
            assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
            assertThat(Http.gunzip(gzipped.body())).isEqualTo(plain.body());
            assertThat(String.join(",", gzipped.headers().allValues("Vary")))
                    .contains("Accept-Encoding", "X-API-Key", "Cookie");
            assertThat(gzipped.headers().firstValue("RateLimit-Remaining")).isPresent();
        }
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        HttpResponse<byte[]> head =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(http.base().resolve("/v1/candles"))
                                        .header("Accept-Encoding", GZIP)
                                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Encoding")).hasValue(GZIP);
    }

    @Test
    void smallBodiesAndClientsWithoutGzipGetThemAsTheyAre() {
        HttpResponse<byte[]> small = http.getBytes("/v1/symbols", "Accept-Encoding", GZIP);
        assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(small.headers().firstValueAsLong("Content-Length"))
                .hasValue(small.body().length);
        assertThat(new String(small.body(), StandardCharsets.UTF_8)).isEqualTo("{\"data\":[]}");
        HttpResponse<byte[]> identity =
                http.getBytes("/v1/candles", "Accept-Encoding", "identity, gzip;q=0");
        assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(identity.body()).isEqualTo(BIG_JSON);
        for (String odd : new String[] {"br, identity;q=0", "*;q=0", "gzip;q=x, ,;", "\u00e9"}) {
            HttpResponse<byte[]> r = http.getBytes("/v1/candles", "Accept-Encoding", odd);
            assertThat(r.statusCode()).as(odd).isIn(200, 415);
            if (r.statusCode() == 415) { // identity refused, gzip not accepted: nothing to send
                assertThat(r.headers().firstValue("Content-Type"))
                        .hasValue("application/problem+json");
            }
        }
        HttpResponse<byte[]> problem =
                http.getBytes("/v1/nothing-" + "x".repeat(2000), "Accept-Encoding", GZIP);
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
    }

    @Test
    void staticFilesAndMetricsAreGzippedAndETagsStillAnswer304() {
        String path = "/static/vendor/lightweight-charts.js";
        HttpResponse<byte[]> plain = http.getBytes(path);
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> gzipped = http.getBytes(path, "Accept-Encoding", GZIP);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue(GZIP);
        assertThat(Http.gunzip(gzipped.body())).isEqualTo(plain.body());
        String gzipEtag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipEtag).isNotEqualTo(etag).startsWith(etag.substring(0, etag.length() - 1));
        assertThat(gzipped.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<byte[]> again =
                http.getBytes(path, "Accept-Encoding", GZIP, "If-None-Match", gzipEtag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(gzipEtag);
        HttpResponse<byte[]> plainAgain = http.getBytes(path, "If-None-Match", etag);
        assertThat(plainAgain.statusCode()).isEqualTo(304);
        assertThat(plainAgain.headers().firstValue("ETag")).hasValue(etag);
        HttpResponse<byte[]> stale =
                http.getBytes(path, "Accept-Encoding", GZIP, "If-None-Match", "\"other--gzip\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(Http.gunzip(stale.body())).isEqualTo(plain.body());
        HttpResponse<byte[]> page = http.getBytes("/", "Accept-Encoding", GZIP);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue(GZIP);
        assertThat(page.headers().allValues("Vary")).contains("Accept-Encoding");
        HttpResponse<byte[]> metrics = http.getBytes("/metrics", "Accept-Encoding", GZIP);
        assertThat(metrics.headers().firstValue("Content-Encoding")).hasValue(GZIP);
        assertThat(new String(Http.gunzip(metrics.body()), StandardCharsets.UTF_8))
                .startsWith("# TYPE up gauge");
    }

    @Test
    @Timeout(20)
    void anEventStreamIsNotCompressedNorHeldBack() throws Exception {
        for (String path : new String[] {"/v1/stream/candles", "/events"}) {
            HttpRequest request =
                    HttpRequest.newBuilder(http.base().resolve(path))
                            .header("Accept-Encoding", GZIP)
                            .GET()
                            .build();
            HttpResponse<InputStream> r =
                    HttpClient.newHttpClient()
                            .send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(r.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/event-stream");
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
            // the handler holds the response open: this line arrives only if it was flushed
            assertThat(in.readLine()).isEqualTo("event: ready");
            r.body().close();
        }
    }

    /** Sends /v1/stream/* and /events to a held-open event stream, the rest to the API. */
    static final class Routing extends Handler.Wrapper {
        Routing(Handler api) {
            super(api);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback)
                throws Exception {
            String path = request.getHttpURI().getPath();
            if (!path.startsWith("/v1/stream/") && !path.equals("/events")) {
                return super.handle(request, response, callback);
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            // past the minimum size: only the type and path exclusions keep it uncompressed
            String ready = "event: ready\ndata: {}\n\n" + ": padding\n".repeat(300);
            response.write(
                    false, ByteBuffer.wrap(ready.getBytes(StandardCharsets.UTF_8)), Callback.NOOP);
            OPEN_STREAMS.add(() -> response.write(true, null, callback));
            return true;
        }
    }

    static byte[] bigJson() {
        StringBuilder b = new StringBuilder("{\"data\":[");
        for (int i = 0; i < 2000; i++) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"openTime\":")
                    .append(1_700_000_000_000L + i * 60_000L)
                    .append(",\"open\":\"")
                    .append(40_000 + i % 97)
                    .append(".5\",\"volume\":\"")
                    .append(i % 13)
                    .append(".25\"}");
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String csv() {
        StringBuilder b = new StringBuilder("openTime,open,volume\n");
        for (int i = 0; i < 2000; i++) {
            b.append(1_700_000_000_000L + i * 60_000L)
                    .append(',')
                    .append(40_000 + i % 97)
                    .append(".5,1\n");
        }
        return b.toString();
    }
}
