package dev.candleflow.simulator.testutils;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Test WebSocket client that records text frames, pings and the close, with timed waits. */
public final class RecordingClient extends WebSocketClient {

    /** How a connection ended. */
    public record CloseInfo(int code, String reason, boolean remote) {}

    private static final Logger LOG = LoggerFactory.getLogger(RecordingClient.class);
    private static final int QUEUE_CAPACITY = 1_000_000;

    private final boolean answerPings;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicInteger pongs = new AtomicInteger();
    private volatile long lastPongNanos;
    private final CompletableFuture<CloseInfo> closed = new CompletableFuture<>();

    private RecordingClient(URI uri, boolean answerPings) {
        super(uri);
        this.answerPings = answerPings;
        // Only the server's heartbeat is under test; the client's own timer would add pings.
        setConnectionLostTimeout(0);
    }

    /** Connects, failing the test if the handshake does not succeed within 5 s. */
    public static RecordingClient connect(URI uri) throws InterruptedException {
        return connect(uri, true);
    }

    /**
     * @param answerPings false simulates a client that never sends pongs
     */
    public static RecordingClient connect(URI uri, boolean answerPings)
            throws InterruptedException {
        RecordingClient client = new RecordingClient(uri, answerPings);
        assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).as("connected to %s", uri).isTrue();
        return client;
    }

    /** Attempts a connection and reports whether the handshake succeeded. */
    public static boolean tryConnect(URI uri) throws InterruptedException {
        RecordingClient client = new RecordingClient(uri, true);
        try {
            return client.connectBlocking(5, TimeUnit.SECONDS);
        } finally {
            client.closeBlocking();
        }
    }

    /** The next text frame, failing the test after {@code timeout}. */
    public String next(Duration timeout) throws InterruptedException {
        String message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a frame within %s", timeout).isNotNull();
        return message;
    }

    /** The next {@code count} text frames, failing the test after {@code timeout}. */
    public List<String> next(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> out = new ArrayList<>(count);
        while (out.size() < count) {
            long left = deadline - System.nanoTime();
            String message = messages.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            assertThat(message)
                    .as("frame %d of %d within %s", out.size() + 1, count, timeout)
                    .isNotNull();
            out.add(message);
        }
        return out;
    }

    /** Frames received and not yet taken. */
    public List<String> drain() {
        List<String> out = new ArrayList<>();
        messages.drainTo(out);
        return out;
    }

    public int pingCount() {
        return pings.get();
    }

    /** Pong frames received in answer to this client's own pings. */
    public int pongCount() {
        return pongs.get();
    }

    /** {@link System#nanoTime()} of the last pong, or 0. */
    public long lastPongNanos() {
        return lastPongNanos;
    }

    public CloseInfo awaitClose(Duration timeout) throws InterruptedException {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("connection not closed within " + timeout, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata f) {
        pings.incrementAndGet();
        if (answerPings) {
            super.onWebsocketPing(conn, f);
        }
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata f) {
        lastPongNanos = System.nanoTime();
        pongs.incrementAndGet();
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        // Nothing to record: connect() already asserts the handshake.
    }

    @Override
    public void onMessage(String message) {
        if (!messages.offer(message)) {
            throw new IllegalStateException("test client queue full");
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closed.complete(new CloseInfo(code, reason, remote));
    }

    @Override
    public void onError(Exception ex) {
        // Errors are followed by onClose, where tests look; keep the cause visible meanwhile.
        LOG.warn("Test client error on {}", getURI(), ex);
    }
}
