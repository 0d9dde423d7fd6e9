package dev.candleflow.simulator.venue;

import dev.candleflow.simulator.fault.FaultCounters.Kind;
import dev.candleflow.simulator.fault.FrameFaults;
import dev.candleflow.simulator.fault.PingPolicy;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.framing.PongFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server side of one client connection: its protocol handler, a bounded send path, and the venue's
 * faults applied to everything it sends. All handler calls and sends happen under this object's
 * lock, so a reply and the data after it keep their order.
 */
final class VenueConnection implements Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(VenueConnection.class);

    private final WebSocket conn;
    private final ConnectionContext context;
    private final String id;
    private final long openedNanos = System.nanoTime();
    private volatile long lastActivityNanos = openedNanos;
    private ConnectionHandler handler; // set once, right after construction
    private boolean closing; // guarded by this

    VenueConnection(WebSocket conn, ConnectionContext context, String id) {
        this.conn = conn;
        this.context = context;
        this.id = id;
    }

    synchronized void attach(ConnectionHandler handler) {
        this.handler = handler;
    }

    synchronized void opened() {
        handler.onOpen();
    }

    synchronized void onText(String text) {
        lastActivityNanos = System.nanoTime();
        handler.onText(text);
    }

    synchronized void onPong() {
        handler.onPong();
    }

    synchronized void onTick(long nowNanos) {
        handler.onTick(nowNanos);
    }

    /** Sends {@code trade} if this connection subscribed to it; false if it is too slow. */
    synchronized boolean deliver(VenueTrade trade, FrameFaults faults) {
        Optional<String> frame = handler.tradeFrame(trade);
        if (frame.isEmpty()) {
            return true;
        }
        String text = frame.get();
        if (faults.junkBefore() != null && sendCounted(faults.junkBefore())) {
            context.faults().counters().add(Kind.GARBAGE_FRAME);
        }
        if (faults.truncatedCopyBefore() && sendCounted(FrameFaults.truncated(text))) {
            context.faults().counters().add(Kind.GARBAGE_FRAME);
        }
        if (faults.truncate()) {
            if (sendCounted(FrameFaults.truncated(text))) {
                context.faults().counters().add(Kind.TRUNCATED_FRAME);
            }
            return !backlogFull();
        }
        boolean sent = sendCounted(text);
        if (faults.duplicate() && sent && sendCounted(text)) {
            context.faults().counters().add(Kind.DUPLICATED_FRAME);
        }
        if (sent) {
            lastActivityNanos = System.nanoTime();
        }
        return !backlogFull();
    }

    synchronized boolean deliverRouted(String route, String payload) {
        handler.routedFrame(route, payload).ifPresent(this::sendCounted);
        return !backlogFull();
    }

    /** Sends the venue's notice (if any) and closes after the lead, once. */
    synchronized void forceDisconnect(long leadMillis) {
        if (closing) {
            return;
        }
        closing = true;
        handler.reconnectNotice().ifPresent(this::send);
        context.faults().counters().add(Kind.FORCED_DISCONNECT);
        Runnable close = () -> close(CloseFrame.GOING_AWAY, "Venue maintenance, reconnect");
        if (leadMillis <= 0) {
            close.run();
        } else {
            context.scheduler().schedule(close, leadMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Answers a WebSocket ping frame as the ping policy and any stall allow. */
    void onPing(Framedata ping) {
        if (!(ping instanceof PingFrame pingFrame)) {
            return;
        }
        PongFrame pong = new PongFrame(pingFrame);
        answerPing(() -> sendFrame(pong));
    }

    boolean isOlderThan(long ageNanos, long nowNanos) {
        return nowNanos - openedNanos >= ageNanos;
    }

    String remote() {
        return String.valueOf(conn.getRemoteSocketAddress());
    }

    // ---- Outbox ----

    @Override
    public synchronized void send(String text) {
        sendCounted(text);
    }

    @Override
    public void sendPong(String text) {
        answerPing(() -> send(text));
    }

    @Override
    public void sendPing() {
        if (!context.faults().stallGate().isStalled()) {
            sendFrame(null);
        }
    }

    @Override
    public void drop(String reason) {
        context.faults().counters().add(Kind.CONNECTION_DROPPED);
        conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, reason);
    }

    @Override
    public void close(int code, String reason) {
        conn.close(code, reason);
    }

    @Override
    public boolean refuseSubscription() {
        return context.faults().refuseSubscription();
    }

    @Override
    public void subscribed() {
        context.onSubscribed().run();
    }

    @Override
    public String connectionId() {
        return id;
    }

    @Override
    public long nowMicros() {
        return context.nowMicros().getAsLong();
    }

    @Override
    public long lastActivityNanos() {
        return lastActivityNanos;
    }

    @Override
    public long openedNanos() {
        return openedNanos;
    }

    // ---- internals ----

    private void answerPing(Runnable pong) {
        PingPolicy policy = context.faults().pingPolicy();
        switch (policy.mode()) {
            case NORMAL -> pong.run();
            case IGNORE -> context.faults().counters().add(Kind.IGNORED_PING);
            case LATE -> {
                context.faults().counters().add(Kind.DELAYED_PONG);
                context.scheduler()
                        .schedule(pong, policy.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Sends unless stalled or closed; true if the frame went out. */
    private synchronized boolean sendCounted(String text) {
        if (context.faults().stallGate().isStalled()) {
            context.faults().counters().add(Kind.STALLED_FRAME);
            return false;
        }
        if (!conn.isOpen() || backlogFull()) {
            return false;
        }
        try {
            conn.send(text);
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
    }

    /** Sends a ping (null) or the given pong frame, unless stalled. */
    private void sendFrame(PongFrame pong) {
        if (context.faults().stallGate().isStalled()) {
            return;
        }
        try {
            if (pong == null) {
                conn.sendPing();
            } else {
                conn.sendFrame(pong);
            }
        } catch (WebsocketNotConnectedException e) {
            LOG.debug("Ping/pong to {} skipped, the connection is closing", remote());
        }
    }

    private boolean backlogFull() {
        // Java-WebSocket's per-connection queue is unbounded; this check is what bounds it.
        return conn instanceof WebSocketImpl impl
                && impl.outQueue.size() >= context.maxPendingFrames();
    }
}
