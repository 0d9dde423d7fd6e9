package dev.candleflow.simulator.binance;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance's server-side heartbeat: pings every connection on its interval and drops those whose
 * ping went unanswered past the pong timeout. Replaces Java-WebSocket's lost-connection timer,
 * whose fixed policy (ping, then close after 1.5 intervals) is not Binance's.
 */
final class HeartbeatMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatMonitor.class);
    private static final long MIN_TICK_MILLIS = 5L;
    private static final long MAX_TICK_MILLIS = 1_000L;

    private final Supplier<Collection<BinanceSession>> sessions;
    private final long tickMillis;
    private final ScheduledExecutorService executor;

    HeartbeatMonitor(
            Supplier<Collection<BinanceSession>> sessions,
            Duration pingInterval,
            Duration pongTimeout) {
        this.sessions = sessions;
        // A quarter of the shorter period keeps pings and drops within 25% of their due time.
        long shorter = Math.min(pingInterval.toMillis(), pongTimeout.toMillis());
        this.tickMillis = Math.max(MIN_TICK_MILLIS, Math.min(MAX_TICK_MILLIS, shorter / 4));
        this.executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "binance-sim-heartbeat");
                            t.setDaemon(true);
                            return t;
                        });
    }

    void start() {
        executor.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        // An exception would cancel the periodic task for good, so contain it per session.
        long now = System.nanoTime();
        for (BinanceSession session : sessions.get()) {
            try {
                switch (session.heartbeat().tick(now)) {
                    case PING -> session.sendPing();
                    case DROP -> {
                        LOG.info("Dropping {}: no pong within the timeout", session.remote());
                        session.dropAbruptly("Pong timeout");
                    }
                    case NONE -> {}
                }
            } catch (RuntimeException e) {
                LOG.warn("Heartbeat for {} failed", session.remote(), e);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("Heartbeat thread did not stop within 2 s; it is a daemon thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while stopping the heartbeat thread");
        }
    }
}
