package dev.candleflow.source.testutils;

import dev.candleflow.source.transport.Clocks;
import dev.candleflow.source.transport.WebSocketTransport;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A transport whose connections the test drives: it opens them, pushes frames and drops them. Only
 * for tests that run in one JVM without serializing the source.
 */
public final class FakeTransport implements WebSocketTransport {

    private final transient List<FakeConnection> connections = new CopyOnWriteArrayList<>();

    /** {@link System#nanoTime()} of each {@code open}, in order. */
    public final transient List<Long> openNanos = new CopyOnWriteArrayList<>();

    private final boolean openAtOnce;

    /**
     * @param openAtOnce whether {@code open} reports the connection open right away
     */
    public FakeTransport(boolean openAtOnce) {
        this.openAtOnce = openAtOnce;
    }

    @Override
    public Connection open(URI uri, Listener listener) {
        FakeConnection c = new FakeConnection(uri, listener);
        openNanos.add(System.nanoTime());
        connections.add(c);
        if (openAtOnce) {
            listener.onOpen();
        }
        return c;
    }

    /** Every connection opened so far, oldest first. */
    public List<FakeConnection> connections() {
        return connections;
    }

    public FakeConnection last() {
        return connections.get(connections.size() - 1);
    }

    /** One connection; its methods act as the venue or the network would. */
    public static final class FakeConnection implements Connection {
        public final URI uri;
        public final List<String> sent = new CopyOnWriteArrayList<>();
        private final Listener listener;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile boolean closedByClient;
        private volatile boolean abortedByClient;

        FakeConnection(URI uri, Listener listener) {
            this.uri = uri;
            this.listener = listener;
        }

        public void open() {
            listener.onOpen();
        }

        public void frame(String text) {
            listener.onText(text, Clocks.nowMicros());
        }

        public void ping() {
            listener.onAlive();
        }

        /** The network cuts the connection. */
        public void drop() {
            if (ended.compareAndSet(false, true)) {
                listener.onClose(1006, "dropped", true);
            }
        }

        public boolean closedByClient() {
            return closedByClient;
        }

        public boolean abortedByClient() {
            return abortedByClient;
        }

        public boolean ended() {
            return ended.get();
        }

        @Override
        public void send(String text) {
            sent.add(text);
        }

        @Override
        public void close() {
            closedByClient = true;
            if (ended.compareAndSet(false, true)) {
                listener.onClose(1000, "closed", false);
            }
        }

        @Override
        public void abort() {
            abortedByClient = true;
            if (ended.compareAndSet(false, true)) {
                listener.onClose(1006, "aborted", false);
            }
        }
    }
}
