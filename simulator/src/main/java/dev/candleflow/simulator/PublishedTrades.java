package dev.candleflow.simulator;

import dev.candleflow.simulator.market.SimTrade;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Bounded, thread-safe record of published trades; past capacity the oldest are evicted, so a long
 * standalone run cannot exhaust memory.
 */
final class PublishedTrades {

    private final int capacity;
    private final ArrayDeque<SimTrade> trades; // guarded by this
    private long total; // guarded by this

    PublishedTrades(int capacity) {
        this.capacity = capacity;
        this.trades = new ArrayDeque<>(Math.min(capacity, 1 << 16));
    }

    synchronized void add(SimTrade trade) {
        total++;
        if (capacity == 0) {
            return;
        }
        if (trades.size() == capacity) {
            trades.removeFirst();
        }
        trades.addLast(trade);
    }

    synchronized List<SimTrade> snapshot() {
        return List.copyOf(trades);
    }

    synchronized long total() {
        return total;
    }
}
