package dev.candleflow.source.transport;

/** What a supervised connection reports for metrics and logs. */
public interface ConnectionEvents {
    void connected(String splitId);

    void reconnectScheduled(String splitId, long delayMillis, int attempt);

    void idleTimeout(String splitId);

    void overflow(String splitId);

    /** A listener that ignores everything. */
    ConnectionEvents NONE =
            new ConnectionEvents() {
                @Override
                public void connected(String splitId) {}

                @Override
                public void reconnectScheduled(String splitId, long delayMillis, int attempt) {}

                @Override
                public void idleTimeout(String splitId) {}

                @Override
                public void overflow(String splitId) {}
            };
}
