package dev.candleflow.simulator.fault;

import java.time.Duration;

/**
 * Whether a venue is stalled: it keeps every TCP connection open but sends nothing (no data, no
 * replies, no heartbeats, no pongs) until the stall ends. Frames due meanwhile are lost, as a hung
 * venue process would lose them.
 */
public final class StallGate {

    private volatile long untilNanos = Long.MIN_VALUE;
    private volatile boolean active;

    /** Stalls from now for {@code duration}; a longer stall already running is kept. */
    public void stall(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        synchronized (this) {
            if (!active || until - untilNanos > 0) {
                untilNanos = until;
            }
            active = true;
        }
    }

    /** Ends any stall now. */
    public void resume() {
        active = false;
    }

    public boolean isStalled() {
        if (!active) {
            return false;
        }
        if (System.nanoTime() - untilNanos >= 0) {
            active = false;
            return false;
        }
        return true;
    }
}
