package dev.candleflow.simulator.binance;

/**
 * Ping bookkeeping of one connection, after Binance: a ping every interval, and a drop when a ping
 * stays unanswered for longer than the pong timeout. A pong answers all earlier pings.
 */
final class HeartbeatState {

    /** What the monitor must do for a connection on this tick. */
    enum Action {
        NONE,
        PING,
        DROP
    }

    private static final long NO_PING = Long.MIN_VALUE;

    private final long intervalNanos;
    private final long timeoutNanos;
    private long lastPingNanos; // guarded by this
    private long unansweredSinceNanos = NO_PING; // guarded by this

    HeartbeatState(long openedAtNanos, long intervalNanos, long timeoutNanos) {
        this.lastPingNanos = openedAtNanos;
        this.intervalNanos = intervalNanos;
        this.timeoutNanos = timeoutNanos;
    }

    synchronized Action tick(long nowNanos) {
        if (unansweredSinceNanos != NO_PING && nowNanos - unansweredSinceNanos >= timeoutNanos) {
            return Action.DROP;
        }
        if (nowNanos - lastPingNanos >= intervalNanos) {
            lastPingNanos = nowNanos;
            if (unansweredSinceNanos == NO_PING) {
                unansweredSinceNanos = nowNanos;
            }
            return Action.PING;
        }
        return Action.NONE;
    }

    synchronized void pongReceived() {
        // Unsolicited pongs (no ping outstanding) change nothing, as Binance documents.
        unansweredSinceNanos = NO_PING;
    }
}
