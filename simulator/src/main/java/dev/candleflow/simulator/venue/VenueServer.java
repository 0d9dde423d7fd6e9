package dev.candleflow.simulator.venue;

import dev.candleflow.simulator.fault.ConnectionControl;
import dev.candleflow.simulator.fault.FaultCounters.Kind;
import dev.candleflow.simulator.fault.FrameFaults;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
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
 * One venue's WebSocket endpoint on 127.0.0.1: accepts connections for its {@link VenueProtocol},
 * ticks their handlers, delivers trades, and offers the connection-level faults.
 *
 * <p>{@link #deliver} is called by the market thread only; everything else from any thread.
 */
public final class VenueServer extends WebSocketServer implements ConnectionControl {

    private static final Logger LOG = LoggerFactory.getLogger(VenueServer.class);
    private static final String HOST = "127.0.0.1";
    private static final int STOP_TIMEOUT_MILLIS = 2_000;

    private final VenueProtocol protocol;
    private final ConnectionContext context;
    private final Set<VenueConnection> connections = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Integer> bound = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile ScheduledFuture<?> ticker;

    public VenueServer(VenueProtocol protocol, int port, ConnectionContext context) {
        super(new InetSocketAddress(HOST, port), 1);
        this.protocol = protocol;
        this.context = context;
        // Heartbeats are the protocol's business (HeartbeatState for Binance), not the library's.
        setConnectionLostTimeout(0);
        setDaemon(true);
        setReuseAddr(true);
    }

    /** Binds, starts ticking, and returns the actual port. */
    public int startAndAwait(Duration timeout) throws IOException, InterruptedException {
        start();
        int port;
        try {
            port = bound.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException(
                    "Failed to bind " + HOST + ":" + getAddress().getPort(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("Server did not bind within " + timeout, e);
        }
        long tick = Math.max(1L, protocol.tickPeriod().toMillis());
        ticker =
                context.scheduler()
                        .scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        return port;
    }

    /** Sends {@code trade} to every connection subscribed to it, with the frame faults. */
    public void deliver(VenueTrade trade, FrameFaults faults) {
        for (VenueConnection c : connections) {
            if (!c.deliver(trade, faults)) {
                dropSlow(c);
            }
        }
    }

    /** Sends a recorded frame to the connections that carry {@code route} (replay). */
    public void deliverRouted(String route, String payload) {
        for (VenueConnection c : connections) {
            if (!c.deliverRouted(route, payload)) {
                dropSlow(c);
            }
        }
    }

    @Override
    public void broadcastRaw(String frame) {
        connections.forEach(c -> c.send(frame));
    }

    @Override
    public int dropAllConnections() {
        List<VenueConnection> all = List.copyOf(connections);
        all.forEach(c -> c.drop("Simulated network failure"));
        return all.size();
    }

    @Override
    public int forceDisconnect(Duration noticeLead) {
        List<VenueConnection> all = List.copyOf(connections);
        all.forEach(c -> c.forceDisconnect(noticeLead.toMillis()));
        return all.size();
    }

    @Override
    public int connectionCount() {
        return connections.size();
    }

    /** Stops ticking and closes clients with 1001 (going away). */
    public void shutdown() {
        ScheduledFuture<?> t = ticker;
        if (t != null) {
            t.cancel(false);
        }
        try {
            stop(STOP_TIMEOUT_MILLIS, "Simulator shutting down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while stopping the {} WebSocket server", protocol.venue());
        }
    }

    // ---- Java-WebSocket callbacks ----

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
            WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
        String target = request.getResourceDescriptor();
        var rejected = protocol.rejectHandshake(target, context.faults()::refuseSubscription);
        if (rejected.isPresent()) {
            // Java-WebSocket answers a rejected handshake with HTTP 404.
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, rejected.get());
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String id =
                String.format("%08x", (protocol.venue().ordinal() << 24) + ids.incrementAndGet());
        VenueConnection c = new VenueConnection(conn, context, id);
        // The handler exists before the ticker and the market thread can see the connection, and
        // the connection is visible before onOpen, whose subscription may start a fast replay.
        c.attach(protocol.open(c, handshake.getResourceDescriptor()));
        conn.setAttachment(c);
        connections.add(c);
        context.faults().counters().add(Kind.CONNECTION_OPENED);
        c.opened();
        LOG.debug(
                "{}: opened {} {}",
                protocol.venue(),
                c.remote(),
                handshake.getResourceDescriptor());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        VenueConnection c = conn.getAttachment();
        if (c != null) {
            c.onText(message);
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        LOG.debug("{}: ignoring a {}-byte binary frame", protocol.venue(), message.remaining());
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata frame) {
        VenueConnection c = conn.getAttachment();
        if (c != null) {
            c.onPing(frame);
        }
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata frame) {
        VenueConnection c = conn.getAttachment();
        if (c != null) {
            c.onPong();
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        VenueConnection c = conn.getAttachment();
        if (c != null) {
            connections.remove(c);
            LOG.debug(
                    "{}: closed {} code={} remote={}", protocol.venue(), c.remote(), code, remote);
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            // Server-level failure; before onStart this means the bind failed.
            if (!bound.completeExceptionally(ex)) {
                LOG.error("{} WebSocket server error", protocol.venue(), ex);
            }
            return;
        }
        LOG.warn("{}: connection error on {}", protocol.venue(), conn.getRemoteSocketAddress(), ex);
    }

    @Override
    public void onStart() {
        bound.complete(getPort());
    }

    private void tick() {
        // An exception would cancel the periodic task for good, so contain it per connection.
        long now = System.nanoTime();
        long maxAge = context.maxConnectionAge().map(Duration::toNanos).orElse(Long.MAX_VALUE);
        for (VenueConnection c : connections) {
            try {
                if (c.isOlderThan(maxAge, now)) {
                    c.forceDisconnect(0);
                } else {
                    c.onTick(now);
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: tick for {} failed", protocol.venue(), c.remote(), e);
            }
        }
    }

    private void dropSlow(VenueConnection c) {
        LOG.warn(
                "{}: dropping {}, more than {} frames unsent",
                protocol.venue(),
                c.remote(),
                context.maxPendingFrames());
        c.drop("Client too slow");
    }
}
