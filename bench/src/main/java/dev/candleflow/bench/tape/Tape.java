package dev.candleflow.bench.tape;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A generated, immutable recording of venue traffic, held in memory by the JVM that runs the
 * MiniCluster: sources and sinks are serialized into the job and find it again by id, hence the
 * static registry (as the job's tests do with their collecting sinks). The harness is local-only by
 * design; a real cluster would need the tape in files.
 *
 * <p>Besides the data it keeps, per run, when each trade's frame was received (released by the
 * source), which is where live-candle latency is measured from.
 */
public final class Tape implements AutoCloseable {

    private static final Map<String, Tape> TAPES = new ConcurrentHashMap<>();

    private final String id;
    private final List<Venue> venues;
    private final List<InstrumentId> symbols;
    private final List<TapeSegment> segments;
    private final Expected expected;
    private final boolean rawFrames;
    private final EnumMap<Venue, Integer> venueIndex = new EnumMap<>(Venue.class);
    private final long[][] received;
    private final AtomicLong firstReleaseNanos = new AtomicLong(Long.MAX_VALUE);
    private final int size;

    Tape(
            String id,
            List<Venue> venues,
            List<InstrumentId> symbols,
            List<TapeSegment> segments,
            Expected expected,
            boolean rawFrames,
            int[] tradesPerKey) {
        this.id = id;
        this.venues = List.copyOf(venues);
        this.symbols = List.copyOf(symbols);
        this.segments = List.copyOf(segments);
        this.expected = expected;
        this.rawFrames = rawFrames;
        for (int v = 0; v < venues.size(); v++) {
            venueIndex.put(venues.get(v), v);
        }
        this.received = new long[tradesPerKey.length][];
        for (int k = 0; k < tradesPerKey.length; k++) {
            received[k] = new long[tradesPerKey[k]];
        }
        this.size = segments.stream().mapToInt(TapeSegment::size).sum();
        TAPES.put(id, this);
    }

    /** The registered tape with this id. */
    public static Tape get(String id) {
        Tape tape = TAPES.get(id);
        if (tape == null) {
            throw new IllegalStateException(
                    "No tape '"
                            + id
                            + "' in this JVM: the harness runs on a local MiniCluster only");
        }
        return tape;
    }

    public String id() {
        return id;
    }

    public List<Venue> venues() {
        return venues;
    }

    public List<InstrumentId> symbols() {
        return symbols;
    }

    public Expected expected() {
        return expected;
    }

    /** Whether the source parses raw frames (else it emits pre-parsed events). */
    public boolean rawFrames() {
        return rawFrames;
    }

    /** Trades on the tape. */
    public int size() {
        return size;
    }

    List<TapeSegment> segments() {
        return segments;
    }

    TapeSegment segment(int index) {
        return segments.get(index);
    }

    /** Forgets the previous run's receive stamps. */
    public void startRun() {
        for (long[] r : received) {
            Arrays.fill(r, 0L);
        }
        firstReleaseNanos.set(Long.MAX_VALUE);
    }

    /** A source released a frame at this {@link System#nanoTime()}. */
    void released(long address, long nanos) {
        received[(int) (address >>> 32)][(int) address] = nanos;
    }

    void firstRelease(long nanos) {
        firstReleaseNanos.accumulateAndGet(nanos, Math::min);
    }

    /** When the first frame of this run was released, or {@link Long#MAX_VALUE} before that. */
    public long firstReleaseNanos() {
        return firstReleaseNanos.get();
    }

    /**
     * When the trade with this id of a venue was received in this run ({@link System#nanoTime()}),
     * or 0 when unknown.
     */
    public long receivedNanos(Venue venue, String tradeId) {
        Integer v = venueIndex.get(venue);
        long packed = TradeIds.decode(tradeId);
        if (v == null || packed == TradeIds.NONE) {
            return 0L;
        }
        int symbol = TradeIds.symbol(packed);
        int n = TradeIds.n(packed);
        if (symbol >= symbols.size()) {
            return 0L;
        }
        long[] stamps = received[v * symbols.size() + symbol];
        return n < stamps.length ? stamps[n] : 0L;
    }

    @Override
    public void close() {
        TAPES.remove(id);
    }
}
