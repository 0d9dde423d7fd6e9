package dev.candleflow.source;

import dev.candleflow.model.Venue;
import dev.candleflow.source.reader.FeedMetrics;
import dev.candleflow.source.transport.ConnectionEvents;

/** Counts connection events per venue; split ids are {@code <venue>-<n>}. */
final class MetricConnectionEvents implements ConnectionEvents {
    private final FeedMetrics metrics;

    MetricConnectionEvents(FeedMetrics metrics) {
        this.metrics = metrics;
    }

    private FeedMetrics.VenueCounters of(String splitId) {
        return metrics.of(Venue.fromId(splitId.substring(0, splitId.lastIndexOf('-'))));
    }

    @Override
    public void connected(String splitId) {}

    @Override
    public void reconnectScheduled(String splitId, long delayMillis, int attempt) {
        of(splitId).reconnects.inc();
    }

    @Override
    public void idleTimeout(String splitId) {
        of(splitId).idleTimeouts.inc();
    }

    @Override
    public void overflow(String splitId) {
        of(splitId).overflows.inc();
    }
}
