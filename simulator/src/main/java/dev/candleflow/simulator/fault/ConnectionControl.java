package dev.candleflow.simulator.fault;

/** Connection-level levers a venue server offers to {@link Faults}. */
public interface ConnectionControl {

    /** Closes every client's TCP connection without a WebSocket close handshake. */
    void dropAllConnections();

    /** Sends {@code frame} as one text frame to every open connection, subscribed or not. */
    void broadcastRaw(String frame);

    /** Currently open client connections. */
    int connectionCount();
}
