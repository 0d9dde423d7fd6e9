package dev.candleflow.source.reader;

import dev.candleflow.source.transport.ConnectionEvents;
import java.util.function.Consumer;

/** Counts one split's connection events and tells the reader when it needs a backfill. */
final class SplitConnectionEvents implements ConnectionEvents {

    private final SplitMetrics metrics;
    private final Consumer<String> reconnected;

    /**
     * @param reconnected called with the split id after an outage; any thread
     */
    SplitConnectionEvents(SplitMetrics metrics, Consumer<String> reconnected) {
        this.metrics = metrics;
        this.reconnected = reconnected;
    }

    @Override
    public void connected(String splitId, boolean afterOutage) {
        if (afterOutage) {
            reconnected.accept(splitId);
        }
    }

    @Override
    public void reconnectScheduled(String splitId, long delayMillis, int attempt) {
        metrics.reconnects.inc();
    }

    @Override
    public void renewed(String splitId, String why) {
        metrics.renewals.inc();
    }

    @Override
    public void idleTimeout(String splitId) {
        metrics.idleTimeouts.inc();
    }

    @Override
    public void overflow(String splitId) {
        metrics.overflows.inc();
    }

    @Override
    public void heartbeat(String splitId) {
        metrics.heartbeats.inc();
    }
}
