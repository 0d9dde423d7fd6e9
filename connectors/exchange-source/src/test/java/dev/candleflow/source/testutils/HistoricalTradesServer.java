package dev.candleflow.source.testutils;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Binance's {@code GET /api/v3/historicalTrades} on 127.0.0.1, served from the trades a test says
 * the venue has, with optional failures (every n-th request answered 500 or 429).
 */
public final class HistoricalTradesServer implements AutoCloseable {

    /** One trade as the venue keeps it; {@code symbol} is Binance's, e.g. {@code BTCUSDT}. */
    public record VenueTrade(
            String symbol,
            long id,
            BigDecimal price,
            BigDecimal qty,
            long timeMillis,
            boolean buyerIsMaker) {}

    private final Supplier<Collection<VenueTrade>> trades;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failEvery;
    private volatile int failStatus;

    public HistoricalTradesServer(Supplier<Collection<VenueTrade>> trades) throws IOException {
        this.trades = trades;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/api/v3/historicalTrades", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Answers every {@code n}-th request with {@code status} (429 with {@code Retry-After: 0}). */
    public HistoricalTradesServer failEvery(int n, int status) {
        this.failStatus = status;
        this.failEvery = n;
        return this;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int requests() {
        return requests.get();
    }

    public int failures() {
        return failures.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int n = requests.incrementAndGet();
        Map<String, String> q = query(exchange.getRequestURI());
        if (failEvery > 0 && n % failEvery == 0) {
            failures.incrementAndGet();
            if (failStatus == 429) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            respond(exchange, failStatus, "{\"code\":-1003,\"msg\":\"Too much request weight.\"}");
            return;
        }
        String symbol = q.get("symbol");
        long from = Long.parseLong(q.getOrDefault("fromId", "0"));
        int limit = Math.min(1000, Integer.parseInt(q.getOrDefault("limit", "500")));
        String body =
                trades.get().stream()
                        .filter(t -> t.symbol().equals(symbol) && t.id() >= from)
                        .sorted(Comparator.comparingLong(VenueTrade::id))
                        .limit(limit)
                        .map(HistoricalTradesServer::json)
                        .collect(Collectors.joining(",", "[", "]"));
        respond(exchange, 200, body);
    }

    private static String json(VenueTrade t) {
        return "{\"id\":"
                + t.id()
                + ",\"price\":\""
                + t.price().toPlainString()
                + "\",\"qty\":\""
                + t.qty().toPlainString()
                + "\",\"quoteQty\":\""
                + t.price().multiply(t.qty()).toPlainString()
                + "\",\"time\":"
                + t.timeMillis()
                + ",\"isBuyerMaker\":"
                + t.buyerIsMaker()
                + ",\"isBestMatch\":true}";
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return q;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
