package dev.candleflow.simulator.binance;

import dev.candleflow.simulator.fault.ConnectionControl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance spot stream endpoint on 127.0.0.1: raw ({@code /ws/<stream>}) and combined ({@code
 * /stream?streams=..}) connections, the JSON control protocol, and Binance's ping/pong policy.
 *
 * <p>{@link #publish} may be called from any one thread; it is how events reach subscribers.
 */
public final class BinanceWebSocketServer extends WebSocketServer implements ConnectionControl {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceWebSocketServer.class);
    private static final String HOST = "127.0.0.1";
    private static final int DECODER_THREADS = 2;
    private static final int STOP_TIMEOUT_MILLIS = 2_000;

    private final BinanceServerOptions options;
    private final Runnable onSubscription;
    private final BinanceRequestHandler handler = new BinanceRequestHandler();
    private final Set<BinanceSession> sessions = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Integer> bound = new CompletableFuture<>();
    private final HeartbeatMonitor heartbeat;

    /**
     * @param onSubscription runs after every subscription (URL or SUBSCRIBE) to any stream
     */
    public BinanceWebSocketServer(BinanceServerOptions options, Runnable onSubscription) {
        super(new InetSocketAddress(HOST, options.port()), DECODER_THREADS);
        this.options = options;
        this.onSubscription = Objects.requireNonNull(onSubscription, "onSubscription");
        this.heartbeat =
                new HeartbeatMonitor(
                        () -> List.copyOf(sessions), options.pingInterval(), options.pongTimeout());
        // Java-WebSocket's own timer would ping and close on its own schedule; Binance's policy
        // is implemented by HeartbeatMonitor instead.
        setConnectionLostTimeout(0);
        setDaemon(true);
        setReuseAddr(true);
    }

    /** Binds and starts serving; returns the actual port. */
    public int startAndAwait(Duration timeout) throws IOException, InterruptedException {
        start();
        try {
            int port = bound.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            heartbeat.start();
            return port;
        } catch (ExecutionException e) {
            throw new IOException("Failed to bind " + HOST + ":" + options.port(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("Server did not bind within " + timeout, e);
        }
    }

    /** Sends {@code payload} on {@code stream} to every connection subscribed to it. */
    public void publish(String stream, String payload) {
        OutboundEvent event = new OutboundEvent(stream, payload);
        for (BinanceSession session : sessions) {
            dropIfSlow(session, session.deliver(event));
        }
    }

    @Override
    public void broadcastRaw(String frame) {
        for (BinanceSession session : sessions) {
            dropIfSlow(session, session.sendRaw(frame));
        }
    }

    @Override
    public void dropAllConnections() {
        for (WebSocket conn : getConnections()) {
            conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "Simulated network failure");
        }
    }

    @Override
    public int connectionCount() {
        return sessions.size();
    }

    /** Stops the heartbeat and the server; closes clients with 1001 (going away). */
    public void shutdown() {
        heartbeat.close();
        try {
            stop(STOP_TIMEOUT_MILLIS, "Simulator shutting down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while stopping the WebSocket server");
        }
    }

    // ---- Java-WebSocket callbacks ----

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
            WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
        if (BinanceStreamPath.parse(request.getResourceDescriptor()).isEmpty()) {
            // Java-WebSocket answers a rejected handshake with HTTP 404, as Binance does.
            throw new InvalidDataException(
                    CloseFrame.POLICY_VALIDATION,
                    "Unknown path " + request.getResourceDescriptor());
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        BinanceStreamPath path =
                BinanceStreamPath.parse(handshake.getResourceDescriptor())
                        .orElseThrow(
                                () -> new IllegalStateException("handshake accepted a bad path"));
        HeartbeatState beat =
                new HeartbeatState(
                        System.nanoTime(),
                        options.pingInterval().toNanos(),
                        options.pongTimeout().toNanos());
        BinanceSession session = new BinanceSession(conn, path, beat, options.maxPendingFrames());
        conn.setAttachment(session);
        sessions.add(session);
        LOG.debug(
                "Opened {} {} streams={}",
                session.remote(),
                handshake.getResourceDescriptor(),
                path.streams());
        if (!path.streams().isEmpty()) {
            onSubscription.run();
        }
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        BinanceSession session = conn.getAttachment();
        if (session == null) {
            LOG.debug("Message on a connection without a session, ignored");
            return;
        }
        if (session.handle(message, handler).subscribed()) {
            onSubscription.run();
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        LOG.debug("Ignoring a {}-byte binary frame", message.remaining());
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata frame) {
        BinanceSession session = conn.getAttachment();
        if (session != null) {
            session.heartbeat().pongReceived();
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        BinanceSession session = conn.getAttachment();
        if (session != null) {
            sessions.remove(session);
            LOG.debug(
                    "Closed {} code={} reason='{}' remote={}",
                    session.remote(),
                    code,
                    reason,
                    remote);
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            // Server-level failure; before onStart this means the bind failed.
            if (!bound.completeExceptionally(ex)) {
                LOG.error("WebSocket server error", ex);
            }
            return;
        }
        LOG.warn("Connection error on {}", conn.getRemoteSocketAddress(), ex);
    }

    @Override
    public void onStart() {
        bound.complete(getPort());
    }

    private void dropIfSlow(BinanceSession session, BinanceSession.SendResult result) {
        if (result == BinanceSession.SendResult.BACKLOG_FULL) {
            LOG.warn(
                    "Dropping {}: more than {} frames unsent",
                    session.remote(),
                    options.maxPendingFrames());
            session.dropAbruptly("Client too slow");
        }
    }
}
