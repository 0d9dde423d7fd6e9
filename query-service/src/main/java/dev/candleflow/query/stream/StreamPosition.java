package dev.candleflow.query.stream;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a stream stands: for each (topic, partition) the newest Kafka offset already reflected. It
 * is the SSE event id, {@code t.p.offset} entries joined by {@code -} (topic 0 = final candles, 1 =
 * live), so a reconnecting client's {@code Last-Event-ID} says exactly what it has.
 */
public record StreamPosition(Map<Long, Long> offsets) {

    public static final StreamPosition EMPTY = new StreamPosition(Map.of());
    private static final int MAX_ENTRIES = 512;

    public StreamPosition {
        offsets = Collections.unmodifiableMap(new TreeMap<>(offsets));
    }

    /** The slot of a topic (0 or 1) and partition. */
    public static long slot(int topic, int partition) {
        return ((long) topic << 32) | (partition & 0xffffffffL);
    }

    /** The offset reached in a slot, or -1 when none. */
    public long offset(long slot) {
        return offsets.getOrDefault(slot, -1L);
    }

    public String encode() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Long, Long> e : offsets.entrySet()) {
            if (b.length() > 0) {
                b.append('-');
            }
            b.append(e.getKey() >>> 32)
                    .append('.')
                    .append(e.getKey() & 0xffffffffL)
                    .append('.')
                    .append(e.getValue());
        }
        return b.toString();
    }

    /** Parses an id this service wrote; anything else is empty (the client starts afresh). */
    public static Optional<StreamPosition> decode(String text) {
        if (text == null || text.isBlank() || text.length() > 16 * MAX_ENTRIES) {
            return Optional.empty();
        }
        Map<Long, Long> offsets = new TreeMap<>();
        for (String entry : text.trim().split("-")) {
            String[] f = entry.split("\\.");
            if (f.length != 3) {
                return Optional.empty();
            }
            try {
                int topic = Integer.parseInt(f[0]);
                int partition = Integer.parseInt(f[1]);
                long offset = Long.parseLong(f[2]);
                if (topic < 0 || topic > 1 || partition < 0 || offset < 0) {
                    return Optional.empty();
                }
                offsets.put(slot(topic, partition), offset);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new StreamPosition(offsets));
    }
}
