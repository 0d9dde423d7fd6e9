package dev.candleflow.source.transport;

/** What a supervised connection reports, for metrics and for the reader's backfill decisions. */
public interface ConnectionEvents {

    /**
     * A connection opened and now carries the split.
     *
     * @param afterOutage true when the split had no open connection before (first connect,
     *     reconnect); false for a make-before-break renewal, whose overlap lost nothing
     */
    void connected(String splitId, boolean afterOutage);

    void reconnectScheduled(String splitId, long delayMillis, int attempt);

    /** A new connection replaced an older one that is being closed after an overlap. */
    void renewed(String splitId, String why);

    void idleTimeout(String splitId);

    void overflow(String splitId);

    /** A ping or pong from the venue: a heartbeat that carries no frame. */
    void heartbeat(String splitId);

    /** A listener that ignores everything. */
    ConnectionEvents NONE =
            new ConnectionEvents() {
                @Override
                public void connected(String splitId, boolean afterOutage) {}

                @Override
                public void reconnectScheduled(String splitId, long delayMillis, int attempt) {}

                @Override
                public void renewed(String splitId, String why) {}

                @Override
                public void idleTimeout(String splitId) {}

                @Override
                public void overflow(String splitId) {}

                @Override
                public void heartbeat(String splitId) {}
            };
}
