package dev.candleflow.query.api;

import dev.candleflow.query.store.ClickHouseStore;
import dev.candleflow.query.stream.CandleStreamHub;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: ClickHouse answers a query and Kafka answers metadata requests; 200 when
 * both do, 503 otherwise. The result is reused for one second, so probes cannot flood ClickHouse.
 */
public final class HealthEndpoint implements Endpoint {

    private static final long REUSE_MS = 1000;

    private final ClickHouseStore store;
    private final CandleStreamHub hub;
    private final StreamEndpoint streams;
    private ApiResponse last;
    private long lastAt;

    public HealthEndpoint(ClickHouseStore store, CandleStreamHub hub, StreamEndpoint streams) {
        this.store = store;
        this.hub = hub;
        this.streams = streams;
    }

    @Override
    public synchronized ApiResponse handle(ApiRequest request) {
        Params.of(request.query(), java.util.Set.of());
        long now = request.nowMillis();
        if (last == null || now - lastAt > REUSE_MS) {
            last = check(now);
            lastAt = now;
        }
        return last;
    }

    private ApiResponse check(long now) {
        long started = System.nanoTime();
        boolean clickHouse = store.ping(Duration.ofSeconds(2));
        long latency = (System.nanoTime() - started) / 1_000_000;
        boolean kafka = hub.connected();
        Map<String, Object> ch = new LinkedHashMap<>();
        ch.put("status", clickHouse ? "up" : "down");
        ch.put("latencyMs", latency);
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("status", kafka ? "up" : "down");
        k.put("topics", hub.topics());
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("clickhouse", ch);
        checks.put("kafka", k);
        checks.put("stream", Map.of("clients", streams.clients()));
        Map<String, Object> body = new LinkedHashMap<>();
        boolean up = clickHouse && kafka;
        body.put("status", up ? "up" : "down");
        body.put("time", now);
        body.put("checks", checks);
        ApiResponse r = ApiResponse.json(body);
        r.withHeader("Cache-Control", "no-store");
        return up ? r : new ApiResponse(503, r.contentType(), r.body(), r.headers());
    }
}
