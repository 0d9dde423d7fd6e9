package dev.candleflow.query.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands each candle from Kafka to the stream clients that want it, and keeps what a client needs
 * when it arrives: the newest candle per series and topic (a new client's first events) and the
 * last {@code replayCapacity} events (a reconnecting client resumes after its Last-Event-ID). All
 * memory is bounded.
 */
public final class StreamFanout {

    /** A stream client: its filter, a backlog to add to, and a nudge to write. */
    public interface Subscriber {
        StreamFilter filter();

        /** Adds to the backlog; called under the fanout's lock, must not block. */
        void enqueue(StreamEvent e);

        /** Queues a control event ({@code gap}) before the next candles. */
        void signal(String event, String json);

        /** Starts writing what is queued; called outside the lock. */
        void wake();
    }

    static final int MAX_SERIES = 10_000;

    private final Object lock = new Object();
    private final int replayCapacity;
    private final ArrayDeque<StreamEvent> ring;
    private final Map<Long, Long> evictedUpTo = new HashMap<>();
    private final Set<Subscriber> subscribers = new LinkedHashSet<>();
    private final LinkedHashMap<String, StreamEvent> latest =
            new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, StreamEvent> eldest) {
                    return size() > MAX_SERIES;
                }
            };
    private final Map<String, Long> lastEventTimes = new ConcurrentHashMap<>();

    public StreamFanout(int replayCapacity) {
        this.replayCapacity = replayCapacity;
        this.ring = new ArrayDeque<>(Math.min(replayCapacity, 4096));
    }

    /** Records that a partition is read from {@code firstOffset}: older events cannot resume. */
    public void loadedFrom(long slot, long firstOffset) {
        synchronized (lock) {
            evictedUpTo.merge(slot, firstOffset - 1, Math::max);
        }
    }

    /** Remembers an event and hands it to every matching client. */
    public void publish(StreamEvent e, long receivedAtMillis) {
        List<Subscriber> woken = new ArrayList<>();
        synchronized (lock) {
            if (replayCapacity > 0) {
                if (ring.size() >= replayCapacity) {
                    StreamEvent old = ring.removeFirst();
                    evictedUpTo.merge(old.slot(), old.offset(), Math::max);
                }
                ring.addLast(e);
            } else {
                evictedUpTo.merge(e.slot(), e.offset(), Math::max);
            }
            latest.put(e.topic() + "|" + e.series(), e);
            for (Subscriber s : subscribers) {
                if (s.filter().matches(e)) {
                    s.enqueue(e);
                    woken.add(s);
                }
            }
        }
        lastEventTimes.put(e.venue(), receivedAtMillis);
        woken.forEach(Subscriber::wake);
    }

    /**
     * Adds a client. With a position it first gets every remembered event after it (and a {@code
     * gap} event when some were already forgotten); without one, the newest candle of each matching
     * series.
     */
    public void subscribe(Subscriber s, Optional<StreamPosition> resume) {
        synchronized (lock) {
            if (resume.isPresent()) {
                replay(s, resume.get());
            } else {
                latest.values().stream()
                        .filter(e -> s.filter().matches(e))
                        .sorted(Comparator.comparingLong(StreamEvent::openTime))
                        .forEach(s::enqueue);
            }
            subscribers.add(s);
        }
        s.wake();
    }

    private void replay(Subscriber s, StreamPosition from) {
        boolean gap =
                evictedUpTo.entrySet().stream()
                        .anyMatch(e -> e.getValue() > from.offset(e.getKey()));
        if (gap) {
            s.signal("gap", "{\"reason\":\"resume-beyond-buffer\"}");
        }
        for (StreamEvent e : ring) {
            if (e.offset() > from.offset(e.slot()) && s.filter().matches(e)) {
                s.enqueue(e);
            }
        }
    }

    public void unsubscribe(Subscriber s) {
        synchronized (lock) {
            subscribers.remove(s);
        }
    }

    public int subscriberCount() {
        synchronized (lock) {
            return subscribers.size();
        }
    }

    public List<Subscriber> subscribers() {
        synchronized (lock) {
            return List.copyOf(subscribers);
        }
    }

    /** Per venue, when this service last received one of its candles (wall clock, ms). */
    public Map<String, Long> lastEventTimes() {
        return Map.copyOf(lastEventTimes);
    }
}
