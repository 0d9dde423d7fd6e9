package dev.candleflow.source.transport;

import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.protocol.ExchangeAdapter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one split's WebSocket connection alive: connects within the venue's connection rate,
 * subscribes, sends the venue's heartbeat, reconnects with backoff after any close, and aborts a
 * connection that went silent for longer than the venue's idle timeout. Before the venue ends a
 * connection (its notice, or the maximum age) it makes before it breaks: the new connection opens
 * first and the old one closes after an overlap, so no frame is missed (the reader drops the
 * duplicates). State changes run on the shared single-threaded scheduler.
 */
public final class ConnectionSupervisor implements ConnectionAttempt.Owner {

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
    private final TokenBucket connectRate;
    private final Backoff backoff;
    private final Backoff renewBackoff;
    private final SplittableRandom random;

    // Scheduler thread only.
    private ConnectionAttempt current;
    private ConnectionAttempt standby;
    private boolean stopped;
    private ScheduledFuture<?> watchdog;

    private volatile FeedHealth.State state = FeedHealth.State.CONNECTING;

    /** Written by the I/O threads on every frame, read by the watchdog. */
    private volatile long lastFrameNanos = System.nanoTime();

    /** {@code connectRate} is shared by all connections of the venue in the reader. */
    public ConnectionSupervisor(
            String splitId,
            ExchangeAdapter adapter,
            List<InstrumentId> instruments,
            WebSocketTransport transport,
            ScheduledExecutorService scheduler,
            FrameSink sink,
            ConnectionEvents events,
            ReconnectPolicy policy,
            TokenBucket connectRate) {
        this.splitId = splitId;
        this.adapter = adapter;
        this.instruments = List.copyOf(instruments);
        this.transport = transport;
        this.scheduler = scheduler;
        this.sink = sink;
        this.events = events;
        this.policy = policy;
        this.connectRate = connectRate;
        long seed = splitId.hashCode() ^ System.nanoTime();
        this.backoff = new Backoff(policy.initialBackoff(), policy.maxBackoff(), seed);
        this.renewBackoff = new Backoff(policy.initialBackoff(), policy.maxBackoff(), ~seed);
        this.random = new SplittableRandom(seed);
    }

    public void start() {
        scheduler.execute(this::connect);
        long period = WATCHDOG_PERIOD.toMillis();
        watchdog =
                scheduler.scheduleWithFixedDelay(
                        this::checkIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** Closes the connections for good; no reconnect follows. */
    public void stop() {
        scheduler.execute(
                () -> {
                    stopped = true;
                    ConnectionAttempt.cancel(watchdog);
                    for (ConnectionAttempt a : new ConnectionAttempt[] {current, standby}) {
                        if (a != null) {
                            a.end();
                            a.connection.abort();
                        }
                    }
                });
    }

    /** Replaces the connection make-before-break, e.g. when the venue announces a shutdown. */
    public void renew(String why) {
        scheduler.execute(() -> beginRenewal(why));
    }

    /** The connection's state, for health reports. */
    public FeedHealth.State state() {
        return state;
    }

    private void connect() {
        long waitNanos = connectRate.reserve().toNanos(); // within the venue's connection rate
        scheduler.schedule(
                () -> {
                    if (!stopped) {
                        state = FeedHealth.State.CONNECTING;
                        lastFrameNanos = System.nanoTime();
                        current = open("connect");
                    }
                },
                waitNanos,
                TimeUnit.NANOSECONDS);
    }

    private ConnectionAttempt open(String why) {
        ConnectionAttempt a = new ConnectionAttempt(why, splitId, sink, scheduler, this);
        LOG.info("Split {} connecting ({})", splitId, why);
        try {
            a.connection = transport.open(adapter.endpoint(instruments), a);
        } catch (RuntimeException e) {
            LOG.warn("Split {} could not start a connection", splitId, e);
            scheduler.execute(() -> closed(a, 1006, "open failed: " + e));
        }
        return a;
    }

    @Override
    public void opened(ConnectionAttempt a) {
        if (stopped || a.ended || (a != current && a != standby)) {
            a.connection.abort();
            return;
        }
        a.open = true;
        a.openedAtNanos = System.nanoTime();
        lastFrameNanos = a.openedAtNanos;
        adapter.subscribeMessages(instruments).forEach(a.connection::send);
        // Renew at 90-95% of the age, spread so that connections opened together do not renew
        // together.
        long age = policy.maxConnectionAge().toMillis();
        long renewAfter = (long) (age * (0.90 + 0.05 * random.nextDouble()));
        a.startTimers(adapter.heartbeat(), renewAfter, () -> beginRenewal("max connection age"));
        state = FeedHealth.State.OPEN;
        if (a == standby) {
            retire(current);
            current = a;
            standby = null;
            renewBackoff.reset();
            events.renewed(splitId, a.why);
            LOG.info("Split {} renewed its connection ({})", splitId, a.why);
        } else {
            events.connected(splitId, true);
            LOG.info("Split {} connected ({} instruments)", splitId, instruments.size());
        }
    }

    private boolean renewable() {
        return !stopped && standby == null && current != null && current.open && current.live();
    }

    private void beginRenewal(String why) {
        if (!renewable()) {
            return; // a reconnect or another renewal is under way
        }
        long waitNanos = connectRate.reserve().toNanos();
        scheduler.schedule(
                () -> {
                    if (renewable()) {
                        standby = open(why);
                    }
                },
                waitNanos,
                TimeUnit.NANOSECONDS);
    }

    /** Stops using an older connection; it closes after the overlap. */
    private void retire(ConnectionAttempt old) {
        if (old != null) {
            old.end();
            scheduler.schedule(
                    old.connection::close, policy.renewOverlap().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void closed(ConnectionAttempt a, int code, String reason) {
        if (a.closed) {
            return;
        }
        boolean wasCurrent = a == current && a.live();
        boolean wasStandby = a == standby;
        a.closed = true;
        a.end();
        if (stopped) {
            return;
        }
        if (wasStandby) {
            standby = null;
            long delay = renewBackoff.nextDelay().toMillis();
            LOG.warn(
                    "Split {} renewal failed ({} {}); retry in {} ms",
                    splitId,
                    code,
                    reason,
                    delay);
            scheduler.schedule(() -> beginRenewal(a.why), delay, TimeUnit.MILLISECONDS);
        } else if (wasCurrent && standby != null) {
            current = standby; // its open counts as a reconnect
            standby = null;
            state = FeedHealth.State.CONNECTING;
        } else if (wasCurrent) {
            reconnectAfter(a, code, reason);
        }
    }

    private void reconnectAfter(ConnectionAttempt a, int code, String reason) {
        long lived = a.open ? System.nanoTime() - a.openedAtNanos : 0L;
        if (lived >= policy.stablePeriod().toNanos()) {
            backoff.reset();
        }
        int failed = backoff.attempts();
        if (failed >= policy.maxAttempts()) {
            state = FeedHealth.State.FAILED;
            String msg = " failed reconnects; last close " + code + " " + reason;
            sink.failed(
                    splitId,
                    new IOException("Split " + splitId + " gave up after " + failed + msg));
            return;
        }
        long delay = backoff.nextDelay().toMillis();
        state = FeedHealth.State.BACKOFF;
        events.reconnectScheduled(splitId, delay, backoff.attempts());
        LOG.warn(
                "Split {} closed ({} {}); reconnect #{} in {} ms",
                splitId,
                code,
                reason,
                failed + 1,
                delay);
        scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void checkIdle() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        long timeout = adapter.idleTimeout().toNanos();
        if (standby != null && !standby.open && now - standby.startedNanos > timeout) {
            abortAndForceClose(standby, "renewal connect timeout");
        }
        long silentNanos = now - lastFrameNanos;
        if (current != null && current.live() && silentNanos > timeout) {
            LOG.warn("Split {} silent for {} ms; dropping it", splitId, silentNanos / 1_000_000);
            events.idleTimeout(splitId);
            abortAndForceClose(current, "idle timeout");
        }
    }

    private void abortAndForceClose(ConnectionAttempt a, String why) {
        a.connection.abort();
        lastFrameNanos = System.nanoTime(); // do not re-trigger while the close is under way
        scheduler.schedule(
                () -> closed(a, 1006, why), CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void overflowed(ConnectionAttempt a) {
        events.overflow(splitId);
        if ((a == current && a.live()) || a == standby) {
            LOG.warn("Split {}: frame buffer full; dropping the connection", splitId);
            abortAndForceClose(a, "buffer overflow");
        }
    }

    @Override
    public void touched(boolean heartbeat) {
        lastFrameNanos = System.nanoTime();
        if (heartbeat) {
            events.heartbeat(splitId);
        }
    }
}
