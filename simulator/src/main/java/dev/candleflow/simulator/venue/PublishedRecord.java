package dev.candleflow.simulator.venue;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Bounded, thread-safe record of the trades a venue published, in publication order; past capacity
 * the oldest are evicted, so a long standalone run cannot exhaust memory.
 */
final class PublishedRecord {

    private final int capacity;
    private final ArrayDeque<VenueTrade> trades; // guarded by this
    private long total; // guarded by this

    PublishedRecord(int capacity) {
        this.capacity = capacity;
        this.trades = new ArrayDeque<>(Math.min(capacity, 1 << 16));
    }

    synchronized void add(VenueTrade trade) {
        total++;
        if (capacity == 0) {
            return;
        }
        if (trades.size() == capacity) {
            trades.removeFirst();
        }
        trades.addLast(trade);
    }

    synchronized List<VenueTrade> snapshot() {
        return List.copyOf(trades);
    }

    synchronized long total() {
        return total;
    }
}
