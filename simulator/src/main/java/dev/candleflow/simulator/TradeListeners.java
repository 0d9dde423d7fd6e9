package dev.candleflow.simulator;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trade listeners, called so that a failing one neither stops the market nor floods the log. */
final class TradeListeners<T> {

    private static final Logger LOG = LoggerFactory.getLogger(TradeListeners.class);

    private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
    private final Set<Consumer<T>> failed = ConcurrentHashMap.newKeySet();

    void add(Consumer<T> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(Consumer<T> listener) {
        listeners.remove(listener);
    }

    void notify(T trade) {
        for (Consumer<T> listener : listeners) {
            try {
                listener.accept(trade);
            } catch (RuntimeException e) {
                // Full report once per listener; a listener failing on every trade would flood.
                if (failed.add(listener)) {
                    LOG.warn("Trade listener failed on {}; further failures at DEBUG", trade, e);
                } else {
                    LOG.debug("Trade listener failed on {}: {}", trade, e.toString());
                }
            }
        }
    }
}
