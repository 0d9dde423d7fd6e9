package dev.candleflow.query.stream;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A slow stream client's backlog: at most one event per candle (a newer update replaces the waiting
 * one, a final is never replaced by a live update) and at most {@code capacity} candles; past that
 * the oldest is dropped and counted. Kept in arrival order. Not thread-safe.
 */
final class ConflatingBuffer {

    private final int capacity;
    private final LinkedHashMap<String, StreamEvent> pending = new LinkedHashMap<>();
    private long dropped;

    ConflatingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        this.capacity = capacity;
    }

    /** Adds an event; returns how many were dropped to make room (0 or 1). */
    int put(StreamEvent e) {
        StreamEvent waiting = pending.get(e.key());
        if (waiting != null && waiting.isFinal() && !e.isFinal()) {
            return 0;
        }
        pending.remove(e.key());
        pending.put(e.key(), e);
        if (pending.size() <= capacity) {
            return 0;
        }
        Iterator<String> eldest = pending.keySet().iterator();
        eldest.next();
        eldest.remove();
        dropped++;
        return 1;
    }

    /** Removes and returns up to {@code max} events, oldest first. */
    List<StreamEvent> take(int max) {
        List<StreamEvent> out = new ArrayList<>(Math.min(max, pending.size()));
        Iterator<StreamEvent> it = pending.values().iterator();
        while (it.hasNext() && out.size() < max) {
            out.add(it.next());
            it.remove();
        }
        return out;
    }

    int size() {
        return pending.size();
    }

    long dropped() {
        return dropped;
    }
}
