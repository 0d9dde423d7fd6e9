package dev.candleflow.source.transport;

import java.io.Serializable;
import java.net.URI;

/** Opens WebSocket connections; one implementation per client library, a fake one in tests. */
public interface WebSocketTransport extends Serializable {

    /**
     * Starts connecting; the listener hears the outcome. Never blocks on the network.
     *
     * @return the connection, usable to send and close once {@link Listener#onOpen} was called
     */
    Connection open(URI uri, Listener listener);

    /** One live (or connecting) WebSocket. */
    interface Connection {
        void send(String text);

        /** Closes normally; {@link Listener#onClose} follows. Safe to call more than once. */
        void close();

        /** Drops the connection at once, without a closing handshake (the peer may be stalled). */
        void abort();
    }

    /** Callbacks from the client's I/O thread; they must return quickly. */
    interface Listener {
        void onOpen();

        void onText(String text, long receivedAtMicros);

        /** Any sign of life that carries no data, such as a ping or pong frame. */
        void onAlive();

        /** Called exactly once per connection, also when opening failed. */
        void onClose(int code, String reason, boolean byRemote);
    }
}
