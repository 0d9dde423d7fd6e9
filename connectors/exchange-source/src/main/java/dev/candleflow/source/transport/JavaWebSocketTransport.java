package dev.candleflow.source.transport;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link WebSocketTransport} on org.java-websocket; it answers server pings by itself. */
public final class JavaWebSocketTransport implements WebSocketTransport {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JavaWebSocketTransport.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    @Override
    public Connection open(URI uri, Listener listener) {
        Client client = new Client(uri, listener);
        // Liveness is the supervisor's watchdog, which knows each venue's timeout.
        client.setConnectionLostTimeout(0);
        client.setDaemon(true);
        client.connect();
        return client;
    }

    private static final class Client extends WebSocketClient implements Connection {
        private final Listener listener;
        private final AtomicBoolean closed = new AtomicBoolean();

        Client(URI uri, Listener listener) {
            super(uri, new Draft_6455(), null, CONNECT_TIMEOUT_MILLIS);
            this.listener = listener;
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            listener.onOpen();
        }

        @Override
        public void onMessage(String message) {
            listener.onText(message, Clocks.nowMicros());
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            // Binary frames are passed on as text so the adapter can judge (and dead-letter) them.
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
            } catch (CharacterCodingException e) {
                text = "<binary frame of " + bytes.remaining() + " bytes, not UTF-8>";
            }
            listener.onText(text, Clocks.nowMicros());
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata f) {
            super.onWebsocketPing(conn, f); // answers with a pong carrying the same payload
            listener.onAlive();
        }

        @Override
        public void onWebsocketPong(WebSocket conn, Framedata f) {
            listener.onAlive();
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            if (closed.compareAndSet(false, true)) {
                listener.onClose(code, reason, remote);
            }
        }

        @Override
        public void onError(Exception ex) {
            LOG.debug("WebSocket error on {}: {}", getURI(), ex.toString());
            // onClose follows for errors that end the connection.
        }

        @Override
        public void send(String text) {
            if (isOpen()) {
                super.send(text);
            }
        }

        @Override
        public void close() {
            super.close();
        }

        @Override
        public void abort() {
            closeConnection(1006, "aborted by candleflow");
        }
    }
}
