package dev.candleflow.source.transport;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.protocol.Heartbeat;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one split's WebSocket connection alive: connects, subscribes, sends the venue's heartbeat,
 * reconnects with backoff after any close, and aborts a connection that went silent for longer than
 * the venue's idle timeout. All state changes run on the shared single-threaded scheduler; only
 * frame delivery runs on the client's I/O thread.
 */
public final class ConnectionSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSupervisor.class);
    private static final Duration WATCHDOG_PERIOD = Duration.ofMillis(500);

    /** After an abort, the close callback should follow; if it does not, act as if it had. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final String splitId;
    private final ExchangeAdapter adapter;
    private final List<InstrumentId> instruments;
    private final WebSocketTransport transport;
    private final ScheduledExecutorService scheduler;
    private final FrameSink sink;
    private final ConnectionEvents events;
    private final ReconnectPolicy policy;
    private final Backoff backoff;

    // Written on the scheduler thread only.
    private int generation;
    private int closedGeneration = -1;
    private WebSocketTransport.Connection connection;
    private long openedAtNanos;
    private boolean open;
    private boolean stopped;
    private ScheduledFuture<?> watchdog;
    private ScheduledFuture<?> heartbeat;

    /** Written by the I/O thread on every frame, read by the watchdog. */
    private volatile long lastFrameNanos;

    public ConnectionSupervisor(
            String splitId,
            ExchangeAdapter adapter,
            List<InstrumentId> instruments,
            WebSocketTransport transport,
            ScheduledExecutorService scheduler,
            FrameSink sink,
            ConnectionEvents events,
            ReconnectPolicy policy) {
        this.splitId = splitId;
        this.adapter = adapter;
        this.instruments = List.copyOf(instruments);
        this.transport = transport;
        this.scheduler = scheduler;
        this.sink = sink;
        this.events = events;
        this.policy = policy;
        this.backoff =
                new Backoff(
                        policy.initialBackoff(),
                        policy.maxBackoff(),
                        splitId.hashCode() ^ System.nanoTime());
    }

    public void start() {
        scheduler.execute(this::connect);
        long period = WATCHDOG_PERIOD.toMillis();
        watchdog =
                scheduler.scheduleWithFixedDelay(
                        this::checkIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** Closes the connection for good; no reconnect follows. */
    public void stop() {
        scheduler.execute(
                () -> {
                    stopped = true;
                    cancel(watchdog);
                    cancel(heartbeat);
                    if (connection != null) {
                        connection.abort();
                    }
                });
    }

    private void connect() {
        if (stopped) {
            return;
        }
        final int gen = ++generation;
        open = false;
        lastFrameNanos = System.nanoTime();
        URI uri = adapter.endpoint(instruments);
        LOG.info("Split {} connecting to {}", splitId, uri);
        connection = transport.open(uri, new GenerationListener(gen));
    }

    private void onOpen(int gen) {
        if (gen != generation || stopped) {
            return;
        }
        open = true;
        openedAtNanos = System.nanoTime();
        lastFrameNanos = openedAtNanos;
        for (String message : adapter.subscribeMessages(instruments)) {
            connection.send(message);
        }
        Optional<Heartbeat> hb = adapter.heartbeat();
        cancel(heartbeat);
        hb.ifPresent(
                h -> {
                    long ms = h.interval().toMillis();
                    WebSocketTransport.Connection c = connection;
                    heartbeat =
                            scheduler.scheduleAtFixedRate(
                                    () -> c.send(h.payload()), ms, ms, TimeUnit.MILLISECONDS);
                });
        events.connected(splitId);
        LOG.info("Split {} connected ({} instruments)", splitId, instruments.size());
    }

    private void onClose(int gen, int code, String reason) {
        if (gen != generation || closedGeneration == gen || stopped) {
            return;
        }
        closedGeneration = gen;
        cancel(heartbeat);
        boolean wasStable =
                open && System.nanoTime() - openedAtNanos >= policy.stablePeriod().toNanos();
        open = false;
        if (wasStable) {
            backoff.reset();
        }
        if (backoff.attempts() >= policy.maxAttempts()) {
            sink.failed(
                    splitId,
                    new IOException(
                            "Split "
                                    + splitId
                                    + " gave up after "
                                    + backoff.attempts()
                                    + " failed reconnects; last close "
                                    + code
                                    + " "
                                    + reason));
            return;
        }
        long delay = backoff.nextDelay().toMillis();
        events.reconnectScheduled(splitId, delay, backoff.attempts());
        LOG.warn(
                "Split {} closed ({} {}); reconnect #{} in {} ms",
                splitId,
                code,
                reason,
                backoff.attempts(),
                delay);
        scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void checkIdle() {
        if (stopped || connection == null || closedGeneration == generation) {
            return;
        }
        long silentNanos = System.nanoTime() - lastFrameNanos;
        if (silentNanos > adapter.idleTimeout().toNanos()) {
            LOG.warn(
                    "Split {} silent for {} ms; dropping the connection",
                    splitId,
                    silentNanos / 1_000_000);
            events.idleTimeout(splitId);
            abortAndForceClose("idle timeout");
        }
    }

    private void abortAndForceClose(String why) {
        final int gen = generation;
        connection.abort();
        lastFrameNanos = System.nanoTime(); // do not re-trigger while the close is under way
        scheduler.schedule(
                () -> onClose(gen, 1006, why), CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    /** Routes one connection's callbacks, tagged with its generation so stale ones are ignored. */
    private final class GenerationListener implements WebSocketTransport.Listener {
        private final int gen;

        GenerationListener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen() {
            scheduler.execute(() -> ConnectionSupervisor.this.onOpen(gen));
        }

        @Override
        public void onText(String text, long receivedAtMicros) {
            lastFrameNanos = System.nanoTime();
            if (!sink.offer(splitId, text, receivedAtMicros)) {
                events.overflow(splitId);
                LOG.warn("Split {}: frame buffer full; dropping the connection", splitId);
                scheduler.execute(
                        () -> {
                            if (gen == generation && closedGeneration != gen) {
                                abortAndForceClose("buffer overflow");
                            }
                        });
            }
        }

        @Override
        public void onAlive() {
            lastFrameNanos = System.nanoTime();
        }

        @Override
        public void onClose(int code, String reason, boolean byRemote) {
            scheduler.execute(() -> ConnectionSupervisor.this.onClose(gen, code, reason));
        }
    }
}
