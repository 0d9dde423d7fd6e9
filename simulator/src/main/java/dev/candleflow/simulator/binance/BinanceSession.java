package dev.candleflow.simulator.binance;

import java.util.List;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-side state of one client connection: subscriptions, heartbeat and a bounded send path.
 *
 * <p>Subscription changes with their ack, and each data send with its subscription check, happen
 * under this object's lock. So a client never sees data of a stream before the SUBSCRIBE ack, nor
 * after the UNSUBSCRIBE ack.
 */
final class BinanceSession {

    /** Outcome of a send attempt. */
    enum SendResult {
        SENT,
        NOT_SUBSCRIBED,
        /** The client reads too slowly; the caller should drop it. */
        BACKLOG_FULL,
        CLOSED
    }

    private static final Logger LOG = LoggerFactory.getLogger(BinanceSession.class);

    private final WebSocket conn;
    private final StreamSubscriptions subscriptions; // guarded by this
    private final HeartbeatState heartbeat;
    private final int maxPendingFrames;

    BinanceSession(
            WebSocket conn,
            BinanceStreamPath path,
            HeartbeatState heartbeat,
            int maxPendingFrames) {
        this.conn = conn;
        this.subscriptions = new StreamSubscriptions(path.combined());
        this.subscriptions.subscribe(path.streams());
        this.heartbeat = heartbeat;
        this.maxPendingFrames = maxPendingFrames;
    }

    synchronized SendResult deliver(OutboundEvent event) {
        if (!subscriptions.contains(event.stream())) {
            return SendResult.NOT_SUBSCRIBED;
        }
        return send(subscriptions.combined() ? event.wrapped() : event.payload());
    }

    synchronized SendResult sendRaw(String text) {
        return send(text);
    }

    /** Applies a control request and sends its reply, atomically with respect to data sends. */
    synchronized BinanceRequestHandler.Reply handle(String text, BinanceRequestHandler handler) {
        BinanceRequestHandler.Reply reply = handler.handle(text, subscriptions);
        send(reply.json());
        return reply;
    }

    synchronized List<String> streams() {
        return subscriptions.list();
    }

    HeartbeatState heartbeat() {
        return heartbeat;
    }

    void sendPing() {
        try {
            conn.sendPing();
        } catch (WebsocketNotConnectedException e) {
            // Closing concurrently; the close callback removes the session.
            LOG.debug("Ping to {} skipped, the connection is closing", remote());
        }
    }

    /**
     * Closes the TCP connection with no close frame, as a network failure or a venue that gave up
     * on the client would; a close handshake would wait on a client that may be unresponsive.
     */
    void dropAbruptly(String reason) {
        conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, reason);
    }

    String remote() {
        return String.valueOf(conn.getRemoteSocketAddress());
    }

    private SendResult send(String text) {
        if (!conn.isOpen()) {
            return SendResult.CLOSED;
        }
        // Java-WebSocket's per-connection queue is unbounded; this check is what bounds it.
        if (conn instanceof WebSocketImpl impl && impl.outQueue.size() >= maxPendingFrames) {
            return SendResult.BACKLOG_FULL;
        }
        try {
            conn.send(text);
            return SendResult.SENT;
        } catch (WebsocketNotConnectedException e) {
            return SendResult.CLOSED;
        }
    }
}
