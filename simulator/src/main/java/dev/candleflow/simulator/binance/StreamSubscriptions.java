package dev.candleflow.simulator.binance;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one connection listens to: its streams, in subscription order (for LIST_SUBSCRIPTIONS), and
 * whether payloads are wrapped. Not thread-safe; {@link BinanceSession} guards it.
 */
final class StreamSubscriptions {

    private final Set<String> streams = new LinkedHashSet<>();
    private boolean combined;

    StreamSubscriptions(boolean combined) {
        this.combined = combined;
    }

    void subscribe(Collection<String> names) {
        streams.addAll(names);
    }

    void unsubscribe(Collection<String> names) {
        names.forEach(streams::remove);
    }

    boolean contains(String stream) {
        return streams.contains(stream);
    }

    List<String> list() {
        return List.copyOf(streams);
    }

    int size() {
        return streams.size();
    }

    boolean combined() {
        return combined;
    }

    void setCombined(boolean combined) {
        this.combined = combined;
    }
}
