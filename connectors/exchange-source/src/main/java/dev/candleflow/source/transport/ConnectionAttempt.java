package dev.candleflow.source.transport;

import dev.candleflow.protocol.Heartbeat;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket connection of a split and its timers. It hands frames to the sink on the client's
 * I/O thread and everything else to its owner on the scheduler thread, naming itself, so that the
 * owner can tell the connection in use from one being replaced or already replaced.
 */
final class ConnectionAttempt implements WebSocketTransport.Listener {

    /** Receives an attempt's events; all on the scheduler thread except {@link #touched}. */
    interface Owner {
        /** Any sign of life: a frame, a ping or a pong (I/O thread). */
        void touched(boolean heartbeat);

        void opened(ConnectionAttempt a);

        /** The sink refused a frame: the rest of this connection is lost. */
        void overflowed(ConnectionAttempt a);

        void closed(ConnectionAttempt a, int code, String reason);
    }

    /** Stands in for a connection the transport could not even start. */
    static final WebSocketTransport.Connection NOT_CONNECTED =
            new WebSocketTransport.Connection() {
                @Override
                public void send(String text) {}

                @Override
                public void close() {}

                @Override
                public void abort() {}
            };

    final String why;
    final long startedNanos = System.nanoTime();
    private final String splitId;
    private final FrameSink sink;
    private final ScheduledExecutorService scheduler;
    private final Owner owner;

    // Scheduler thread only.
    WebSocketTransport.Connection connection = NOT_CONNECTED;
    boolean open;
    boolean closed;
    boolean ended;
    long openedAtNanos;
    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> renewal;

    /** Set on the I/O thread once a frame was refused. */
    private volatile boolean overflowed;

    ConnectionAttempt(
            String why,
            String splitId,
            FrameSink sink,
            ScheduledExecutorService scheduler,
            Owner owner) {
        this.why = why;
        this.splitId = splitId;
        this.sink = sink;
        this.scheduler = scheduler;
        this.owner = owner;
    }

    /** Starts the client heartbeat and the renewal timer of an opened connection. */
    void startTimers(Optional<Heartbeat> hb, long renewAfterMillis, Runnable renew) {
        hb.ifPresent(
                h -> {
                    long ms = h.interval().toMillis();
                    heartbeat =
                            scheduler.scheduleAtFixedRate(
                                    () -> connection.send(h.payload()),
                                    ms,
                                    ms,
                                    TimeUnit.MILLISECONDS);
                });
        renewal = scheduler.schedule(renew, renewAfterMillis, TimeUnit.MILLISECONDS);
    }

    /** No longer the split's connection: stop its timers. */
    void end() {
        ended = true;
        cancel(heartbeat);
        cancel(renewal);
    }

    /** In use: neither replaced nor closed. */
    boolean live() {
        return !closed && !ended;
    }

    static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    @Override
    public void onOpen() {
        scheduler.execute(() -> owner.opened(this));
    }

    @Override
    public void onText(String text, long receivedAtMicros) {
        owner.touched(false);
        if (overflowed) {
            return; // the connection is being dropped; the reader backfills after the reconnect
        }
        if (!sink.offer(splitId, text, receivedAtMicros)) {
            overflowed = true;
            scheduler.execute(() -> owner.overflowed(this));
        }
    }

    @Override
    public void onAlive() {
        owner.touched(true);
    }

    @Override
    public void onClose(int code, String reason, boolean byRemote) {
        scheduler.execute(() -> owner.closed(this, code, reason));
    }
}
