package dev.candleflow.simulator.fault;

import java.time.Duration;

/** Connection-level levers a venue server offers to {@link Faults}. */
public interface ConnectionControl {

    /**
     * Closes every client's TCP connection without a WebSocket close handshake.
     *
     * @return how many connections were cut
     */
    int dropAllConnections();

    /** Sends {@code frame} as one text frame to every open connection, subscribed or not. */
    void broadcastRaw(String frame);

    /**
     * Sends each connection the venue's reconnect notice, if the venue has one, and closes it
     * {@code noticeLead} later, as the venue's maintenance or periodic disconnect would.
     *
     * @return how many connections are being closed
     */
    int forceDisconnect(Duration noticeLead);

    /** Currently open client connections. */
    int connectionCount();
}
