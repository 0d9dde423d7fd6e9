package dev.candleflow.simulator.venue;

import java.util.Optional;

/**
 * One connection's side of a venue protocol: its subscriptions, its control messages and the shape
 * of its data. Every method runs under the connection's lock, so implementations need no locking,
 * and a reply is never overtaken by data sent after it.
 */
public interface ConnectionHandler {

    /** Called once after the handshake, e.g. to send a welcome or status message. */
    default void onOpen() {}

    /** A text frame from the client. */
    void onText(String text);

    /** A WebSocket pong frame from the client. */
    default void onPong() {}

    /** The frame carrying {@code trade} to this connection, or empty if it did not subscribe. */
    Optional<String> tradeFrame(VenueTrade trade);

    /**
     * A recorded frame for {@code route} (replay), or empty if this connection does not carry it.
     */
    default Optional<String> routedFrame(String route, String payload) {
        return Optional.empty();
    }

    /** Periodic call for heartbeats, server pings and idle checks. */
    default void onTick(long nowNanos) {}

    /** The notice the venue sends before closing a connection for maintenance, if it has one. */
    default Optional<String> reconnectNotice() {
        return Optional.empty();
    }
}
