package dev.candleflow.source.reader;

import dev.candleflow.source.transport.Clocks;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/**
 * The metrics of one connection (split). Socket, connection, fetcher and task threads all count, so
 * the counters are thread-safe; {@link HealthReporter} turns them into interval deltas.
 */
public final class SplitMetrics {

    public final Counter frames;
    public final Counter bytes;
    public final Counter trades;
    public final Counter heartbeats;
    public final Counter reconnects;
    public final Counter renewals;
    public final Counter idleTimeouts;
    public final Counter overflows;
    public final Counter gaps;
    public final Counter backfillRequests;
    public final Counter tradesBackfilled;
    public final Counter heldTradesDropped;
    public final Counter unrecoverableGaps;
    public final Counter tradesUnrecovered;
    public final Counter duplicates;
    public final Counter deadLetters;
    public final LagHistogram lag = new LagHistogram();

    /** Receive time of the newest frame, or 0 before the first one. */
    private volatile long lastMessageMicros;

    SplitMetrics(MetricGroup g) {
        frames = counter(g, "frames");
        bytes = counter(g, "bytes");
        trades = counter(g, "trades");
        heartbeats = counter(g, "heartbeats");
        reconnects = counter(g, "reconnects");
        renewals = counter(g, "connectionRenewals");
        idleTimeouts = counter(g, "idleTimeouts");
        overflows = counter(g, "bufferOverflows");
        gaps = counter(g, "gapsFound");
        backfillRequests = counter(g, "backfillRequests");
        tradesBackfilled = counter(g, "tradesBackfilled");
        heldTradesDropped = counter(g, "heldTradesDropped");
        unrecoverableGaps = counter(g, "unrecoverableGaps");
        tradesUnrecovered = counter(g, "tradesUnrecovered");
        duplicates = counter(g, "duplicatesDropped");
        deadLetters = counter(g, "deadLetters");
        g.histogram("lagMs", lag);
        g.gauge("lastMessageAgeMs", (Gauge<Long>) () -> lastMessageAgeMs(Clocks.nowMicros()));
    }

    private static Counter counter(MetricGroup g, String name) {
        return g.counter(name, new ThreadSafeSimpleCounter());
    }

    /** One frame of {@code chars} characters arrived at {@code receivedAtMicros}. */
    public void frame(int chars, long receivedAtMicros) {
        frames.inc();
        bytes.inc(chars);
        lastMessageMicros = Math.max(lastMessageMicros, receivedAtMicros);
    }

    /** Milliseconds since the newest frame, or -1 before the first one. */
    public long lastMessageAgeMs(long nowMicros) {
        long last = lastMessageMicros;
        return last == 0 ? -1L : Math.max(0L, (nowMicros - last) / 1000L);
    }
}
