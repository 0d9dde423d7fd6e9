package dev.candleflow.simulator.venue;

/**
 * What a {@link ConnectionHandler} can do to its connection. Every call honours the venue's faults:
 * nothing leaves a stalled venue, and pongs follow the ping policy.
 */
public interface Outbox {

    /** Sends one text frame (a reply, a notice or data). */
    void send(String text);

    /** Sends the reply to a client's application-level ping, as the ping policy allows. */
    void sendPong(String text);

    /** Sends a WebSocket ping frame. */
    void sendPing();

    /** Closes the TCP connection without a close handshake (the client sees 1006). */
    void drop(String reason);

    /** Closes with a WebSocket close frame. */
    void close(int code, String reason);

    /** Whether the venue refuses this subscribe request (a fault); consumes the refusal. */
    boolean refuseSubscription();

    /** Reports that the connection subscribed to data (opens a market that waits for one). */
    void subscribed();

    /** A stable id for this connection, e.g. OKX's {@code connId} or Bybit's {@code conn_id}. */
    String connectionId();

    /** The venue's clock, in event time (epoch microseconds). */
    long nowMicros();

    /**
     * {@link System#nanoTime()} of the last frame received from or data frame sent to the client.
     */
    long lastActivityNanos();

    /** {@link System#nanoTime()} at which the connection opened. */
    long openedNanos();
}
