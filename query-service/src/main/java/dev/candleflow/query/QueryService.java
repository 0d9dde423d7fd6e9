package dev.candleflow.query;

import dev.candleflow.query.api.ApiHandler;
import dev.candleflow.query.api.ApiResponse;
import dev.candleflow.query.api.CandlesEndpoint;
import dev.candleflow.query.api.Endpoint;
import dev.candleflow.query.api.HealthEndpoint;
import dev.candleflow.query.api.OutliersEndpoint;
import dev.candleflow.query.api.PricesEndpoint;
import dev.candleflow.query.api.ProblemErrorHandler;
import dev.candleflow.query.api.StaticFiles;
import dev.candleflow.query.api.StreamEndpoint;
import dev.candleflow.query.api.SymbolsEndpoint;
import dev.candleflow.query.api.VenuesHealthEndpoint;
import dev.candleflow.query.auth.Authenticator;
import dev.candleflow.query.auth.DashboardSessions;
import dev.candleflow.query.auth.MetricsAccess;
import dev.candleflow.query.auth.RateLimiter;
import dev.candleflow.query.config.QueryServiceConfig;
import dev.candleflow.query.http.ResponseCompression;
import dev.candleflow.query.store.CachedReads;
import dev.candleflow.query.store.CandleQueries;
import dev.candleflow.query.store.ClickHouseStore;
import dev.candleflow.query.stream.CandleStreamHub;
import dev.candleflow.query.stream.StreamFanout;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.LoggerFactory;

/**
 * The query service: REST v1 over ClickHouse, a live candle stream from Kafka, the dashboard,
 * /health, /metrics and /openapi.json, on one Jetty server.
 *
 * <pre>{@code
 * QueryServiceConfig config = QueryServiceConfigLoader.fromArgs(
 *         "--clickhouse.url", "jdbc:clickhouse://127.0.0.1:18123",
 *         "--kafka.bootstrap-servers", "127.0.0.1:19092", "--port", "8088");
 * try (QueryService service = QueryService.start(config)) {
 *     System.out.println("Dashboard: " + service.uri());
 * }
 * }</pre>
 */
public final class QueryService implements AutoCloseable {

    private final Server server;
    private final URI uri;
    private final Deque<AutoCloseable> parts;

    private QueryService(Server server, URI uri, Deque<AutoCloseable> parts) {
        this.server = server;
        this.uri = uri;
        this.parts = parts;
    }

    /**
     * Starts the service: applies its ClickHouse migration (failing fast, naming the setting, when
     * ClickHouse is unreachable), starts reading Kafka, then listens.
     */
    public static QueryService start(QueryServiceConfig config) {
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        try {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            parts.push(metrics::close);
            new JvmMemoryMetrics().bindTo(metrics);
            new JvmThreadMetrics().bindTo(metrics);
            new ProcessorMetrics().bindTo(metrics);
            JvmGcMetrics gc = new JvmGcMetrics();
            gc.bindTo(metrics);
            parts.push(gc);
            ClickHouseStore store = ClickHouseStore.create(config.clickHouse(), metrics);
            parts.push(store);
            store.migrate();
            CandleQueries queries = new CandleQueries(store);
            CachedReads reads = new CachedReads(queries, config.cache(), metrics);
            StreamFanout fanout = new StreamFanout(config.stream().replayCapacity());
            CandleStreamHub hub = new CandleStreamHub(config.kafka(), config.stream(), fanout);
            hub.start();
            parts.push(hub);
            StreamEndpoint stream = new StreamEndpoint(fanout, reads, config.stream(), metrics);
            parts.push(stream);
            ApiHandler handler = handler(config, metrics, store, queries, reads, hub, stream);
            Server server = server(config, handler);
            server.start();
            parts.push(server::stop);
            parts.push(stream); // open streams end before the server waits for requests
            URI uri = URI.create("http://" + config.host() + ":" + port(server) + "/");
            LoggerFactory.getLogger(QueryService.class)
                    .info(
                            "Query service listening on {} ({}, {}, {})",
                            uri,
                            config.clickHouse(),
                            config.http().clientAddresses(),
                            config.metrics());
            return new QueryService(server, uri, parts);
        } catch (Exception e) {
            closeAll(parts);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Cannot start the query service: " + e, e);
        }
    }

    private static ApiHandler handler(
            QueryServiceConfig config,
            PrometheusMeterRegistry metrics,
            ClickHouseStore store,
            CandleQueries queries,
            CachedReads reads,
            CandleStreamHub hub,
            StreamEndpoint stream) {
        Map<String, Endpoint> v1 = new LinkedHashMap<>();
        v1.put("/v1/candles", new CandlesEndpoint(reads, config.query()));
        v1.put("/v1/prices/latest", new PricesEndpoint(reads, config.query().pricesInterval()));
        v1.put("/v1/outliers", new OutliersEndpoint(reads));
        v1.put("/v1/venues/health", new VenuesHealthEndpoint(reads, hub));
        v1.put("/v1/symbols", new SymbolsEndpoint(reads));
        DashboardSessions sessions = new DashboardSessions(config.auth().sessionSecret());
        RateLimiter limiter = new RateLimiter(metrics);
        Authenticator auth = new Authenticator(queries, config.auth(), sessions, limiter, metrics);
        MetricsAccess metricsAccess = new MetricsAccess(config.metrics(), auth);
        byte[] openApi = resource("/dev/candleflow/query/openapi.json");
        Map<String, Endpoint> open = new LinkedHashMap<>();
        open.put("/health", new HealthEndpoint(store, hub, stream));
        open.put(
                "/metrics",
                r -> {
                    metricsAccess.check(
                            r.header("Authorization"),
                            r.header("X-API-Key"),
                            r.remoteAddress(),
                            r.nowMillis());
                    return ApiResponse.text(
                            200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
                });
        open.put(
                "/openapi.json",
                r -> new ApiResponse(200, ApiResponse.JSON, openApi, new LinkedHashMap<>()));
        return new ApiHandler(
                new ApiHandler.Routes(
                        v1, stream, open, config.dashboard() ? new StaticFiles() : null),
                config.http().clientAddresses(),
                auth,
                limiter,
                sessions,
                config.dashboard() && config.auth().dashboardSession(),
                metrics,
                Math.max(0, config.cache().ttl().toSeconds()));
    }

    private static Server server(QueryServiceConfig config, ApiHandler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("query-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.stream().keepalive().toMillis() * 2 + 5_000);
        server.addConnector(connector);
        Handler root =
                config.http().compression()
                        ? ResponseCompression.wrap(handler, config.http().compressionMinSize())
                        : handler;
        server.setHandler(root);
        server.setErrorHandler(new ProblemErrorHandler());
        server.setStopTimeout(3_000);
        return server;
    }

    private static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private static byte[] resource(String path) {
        try (InputStream in = QueryService.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    /** {@code http://host:port/}: the dashboard; the API is under {@code v1/}. */
    public URI uri() {
        return uri;
    }

    public int port() {
        return uri.getPort();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops listening, ends open streams, stops reading Kafka and closes ClickHouse. */
    @Override
    public void close() {
        closeAll(parts);
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(QueryService.class)
                        .warn("While stopping: {}", e.toString(), e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "query-service-log4j2.properties");
        }
        System.exit(QueryServiceMain.run(args, System.out, System.err));
    }
}
