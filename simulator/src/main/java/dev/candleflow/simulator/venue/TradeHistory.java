package dev.candleflow.simulator.venue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What a venue remembers of its trades, per symbol, for its REST API and for WebSocket snapshots: a
 * bounded ring per symbol (the oldest trades fall out, as with a venue's retention). Written by the
 * market thread, read by REST and WebSocket threads.
 */
public final class TradeHistory {

    /** A key that grows strictly from one trade of a symbol to the next. */
    public enum Key {
        SEQUENCE,
        VENUE_SEQUENCE,
        TIME;

        long of(VenueTrade t) {
            return switch (this) {
                case SEQUENCE -> t.sequence();
                case VENUE_SEQUENCE -> t.venueSequence();
                case TIME -> t.eventTimeMicros();
            };
        }
    }

    private final int capacityPerSymbol;
    private final Map<String, SymbolHistory> bySymbol = new ConcurrentHashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long newestMicros = Long.MIN_VALUE;

    /**
     * @param capacityPerSymbol trades kept per symbol; 0 keeps none
     */
    public TradeHistory(int capacityPerSymbol) {
        if (capacityPerSymbol < 0) {
            throw new IllegalArgumentException(
                    "history capacity must be >= 0, was " + capacityPerSymbol);
        }
        this.capacityPerSymbol = capacityPerSymbol;
    }

    public void add(VenueTrade trade) {
        lock.writeLock().lock();
        try {
            bySymbol.computeIfAbsent(trade.symbol(), s -> new SymbolHistory(capacityPerSymbol))
                    .add(trade);
            newestMicros = Math.max(newestMicros, trade.eventTimeMicros());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Trades of {@code symbol} with {@code lo <= key <= hi}, in ascending order; past {@code limit}
     * matches the lowest keys win, or the highest with {@code newest}.
     */
    public List<VenueTrade> slice(
            String symbol, Key key, long lo, long hi, int limit, boolean newest) {
        lock.readLock().lock();
        try {
            SymbolHistory h = bySymbol.get(symbol);
            return h == null || lo > hi ? List.of() : h.slice(key, lo, hi, limit, newest);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The newest {@code count} trades of {@code symbol}, oldest first. */
    public List<VenueTrade> latest(String symbol, int count) {
        return slice(symbol, Key.SEQUENCE, Long.MIN_VALUE, Long.MAX_VALUE, count, true);
    }

    /** The newest trade of {@code symbol}, if any is still kept. */
    public Optional<VenueTrade> last(String symbol) {
        List<VenueTrade> one = latest(symbol, 1);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** Event time of the newest trade of any symbol, or {@link Long#MIN_VALUE} before the first. */
    public long newestMicros() {
        return newestMicros;
    }
}
