package dev.candleflow.query.api;

import dev.candleflow.model.CandleInterval;
import dev.candleflow.query.config.QueryServiceConfig;
import dev.candleflow.query.store.CachedReads;
import dev.candleflow.query.store.SeriesCatalog;
import dev.candleflow.query.store.StoreUnavailableException;
import dev.candleflow.query.stream.SseSession;
import dev.candleflow.query.stream.StreamFanout;
import dev.candleflow.query.stream.StreamFilter;
import dev.candleflow.query.stream.StreamPosition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/stream/candles}: Server-Sent Events of live and final candles of one symbol and
 * interval (one venue, or all), each {@code event: candle} carrying the Kafka candle JSON. A new
 * client first gets the newest candle of each matching series; a client reconnecting with {@code
 * Last-Event-ID} gets what it missed ({@code gap} if that is no longer held).
 */
public final class StreamEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamEndpoint.class);

    static final Set<String> PARAMS = Set.of("symbol", "interval", "venue");

    private final StreamFanout fanout;
    private final CachedReads reads;
    private final QueryServiceConfig.Stream config;
    private final Set<SseSession> sessions = ConcurrentHashMap.newKeySet();
    private final Counter dropped;
    private final ScheduledExecutorService keepalive =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "sse-keepalive");
                        t.setDaemon(true);
                        return t;
                    });

    public StreamEndpoint(
            StreamFanout fanout,
            CachedReads reads,
            QueryServiceConfig.Stream config,
            MeterRegistry metrics) {
        this.fanout = fanout;
        this.reads = reads;
        this.config = config;
        this.dropped =
                Counter.builder("candleflow.stream.dropped")
                        .description("Candles dropped for slow stream clients (they got a gap)")
                        .register(metrics);
        Gauge.builder("candleflow.stream.clients", sessions, Set::size).register(metrics);
        Gauge.builder("candleflow.stream.backlog", this, StreamEndpoint::backlog)
                .description("Candles waiting for slow stream clients, all clients together")
                .register(metrics);
        long period = config.keepalive().toMillis();
        keepalive.scheduleAtFixedRate(this::keepalive, period, period, TimeUnit.MILLISECONDS);
    }

    /** Validates the request, then holds the response open as an event stream. */
    public void handle(
            Request request,
            Response response,
            Callback callback,
            ApiRequest api,
            Map<String, String> headers) {
        StreamFilter filter = filter(Params.of(api.query(), PARAMS));
        if (sessions.size() >= config.maxClients()) {
            throw ApiException.unavailable(
                    "Too many open streams (" + config.maxClients() + "); try again later", 5);
        }
        response.setStatus(200);
        headers.forEach((k, v) -> response.getHeaders().put(k, v));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, no-store");
        response.getHeaders().put("X-Accel-Buffering", "no");
        SseSession[] self = new SseSession[1];
        SseSession session =
                new SseSession(
                        filter,
                        config.clientBuffer(),
                        response,
                        callback,
                        () -> {
                            sessions.remove(self[0]);
                            fanout.unsubscribe(self[0]);
                        },
                        dropped);
        self[0] = session;
        sessions.add(session);
        request.addFailureListener(session::failed);
        session.signal("ready", ready(filter));
        fanout.subscribe(session, StreamPosition.decode(api.header("Last-Event-ID")));
    }

    private StreamFilter filter(Params p) {
        String symbol = Params.symbol("symbol", p.required("symbol"));
        CandleInterval interval = p.interval("interval", CandleInterval.M1);
        SeriesCatalog catalog = null;
        try {
            catalog = reads.catalog();
        } catch (StoreUnavailableException e) {
            // The stream comes from Kafka: it works while ClickHouse is down, unchecked.
            LOG.debug("Stream for {} opened without the catalog check", symbol, e);
        }
        if (catalog != null) {
            Lookups.requireSymbol(catalog, symbol);
        }
        String venue = null;
        if (p.text("venue").isPresent()) {
            Set<String> known =
                    catalog != null ? Lookups.venues(catalog, true) : Set.of(p.text("venue").get());
            venue = Params.venue("venue", p.text("venue").get(), known);
        }
        return new StreamFilter(symbol, interval.label(), venue);
    }

    private static String ready(StreamFilter f) {
        return "{\"symbol\":\""
                + f.symbol()
                + "\",\"interval\":\""
                + f.interval()
                + "\",\"venue\":"
                + (f.venue() == null ? "null" : "\"" + f.venue() + "\"")
                + "}";
    }

    private void keepalive() {
        long idle = config.keepalive().toNanos() / 2;
        sessions.forEach(s -> s.keepalive(idle));
    }

    private double backlog() {
        return sessions.stream().mapToInt(SseSession::backlog).sum();
    }

    public int clients() {
        return sessions.size();
    }

    @Override
    public void close() {
        keepalive.shutdownNow();
        sessions.forEach(SseSession::shutdown);
    }
}
