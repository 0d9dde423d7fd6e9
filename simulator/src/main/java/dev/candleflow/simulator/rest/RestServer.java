package dev.candleflow.simulator.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A venue's REST endpoint on 127.0.0.1, on the JDK's {@link HttpServer}: every request goes to one
 * {@link RestHandler}, which answers in the venue's format.
 */
public final class RestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final String HOST = "127.0.0.1";
    private static final int WORKERS = 2;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String name;
    private final RestHandler handler;
    private final AtomicLong requests = new AtomicLong();
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param name venue name, for thread names and logs
     */
    public RestServer(String name, RestHandler handler) {
        this.name = Objects.requireNonNull(name, "name");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Binds and starts serving.
     *
     * @param port 0 picks a free port
     * @return the bound port
     * @throws IOException if the port cannot be bound
     */
    public synchronized int start(int port) throws IOException {
        if (server != null) {
            throw new IllegalStateException("REST server already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(HOST, port), 64);
        } catch (IOException e) {
            throw new IOException("Failed to bind REST " + HOST + ":" + port, e);
        }
        executor =
                Executors.newFixedThreadPool(
                        WORKERS,
                        r -> {
                            Thread t =
                                    new Thread(r, name + "-sim-rest-" + THREADS.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}; only after {@link #start}. */
    public synchronized URI baseUri() {
        if (server == null) {
            throw new IllegalStateException("REST server not started");
        }
        return URI.create("http://" + HOST + ":" + server.getAddress().getPort());
    }

    /** Requests answered so far, errors included. */
    public long requestCount() {
        return requests.get();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            RestResponse response;
            try {
                response =
                        handler.handle(
                                RestRequest.of(
                                        exchange.getRequestMethod(), exchange.getRequestURI()));
            } catch (RuntimeException e) {
                LOG.warn("{} REST handler failed on {}", name, exchange.getRequestURI(), e);
                response = RestResponse.of(500, "{\"message\":\"simulator error\"}");
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
