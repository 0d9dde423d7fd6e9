package dev.candleflow.simulator.venue;

import java.util.ArrayList;
import java.util.List;

/**
 * The newest trades of one symbol in a fixed-size ring, oldest evicted first, like a venue's
 * retention. Every {@link TradeHistory.Key} grows strictly along the ring, so range lookups are
 * binary searches. Not thread-safe; {@link TradeHistory} guards it.
 */
final class SymbolHistory {

    private final VenueTrade[] ring;
    private int start; // index of the oldest trade
    private int size;

    SymbolHistory(int capacity) {
        this.ring = new VenueTrade[capacity];
    }

    void add(VenueTrade trade) {
        if (ring.length == 0) {
            return;
        }
        if (size == ring.length) {
            ring[start] = trade;
            start = (start + 1) % ring.length;
        } else {
            ring[(start + size) % ring.length] = trade;
            size++;
        }
    }

    int size() {
        return size;
    }

    VenueTrade get(int i) {
        return ring[(start + i) % ring.length];
    }

    /**
     * Trades with {@code lo <= key <= hi}, in ascending order; when more than {@code limit} match,
     * the lowest ones, or with {@code newest} the highest ones.
     */
    List<VenueTrade> slice(TradeHistory.Key key, long lo, long hi, int limit, boolean newest) {
        int from = firstAbove(key, lo, false);
        int to = firstAbove(key, hi, true); // exclusive
        if (to - from > limit) {
            if (newest) {
                from = to - limit;
            } else {
                to = from + limit;
            }
        }
        List<VenueTrade> out = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            out.add(get(i));
        }
        return out;
    }

    /** Index of the first trade whose key is {@code >= value} ({@code > value} if strict). */
    private int firstAbove(TradeHistory.Key key, long value, boolean strict) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long k = key.of(get(mid));
            if (k < value || (strict && k == value)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
