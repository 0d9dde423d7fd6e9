package dev.candleflow.bench.pipeline;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the counting sinks of one run saw, merged from every sink writer as it closes. Sinks run in
 * this JVM's MiniCluster and find their run by id (they are serialized into the job).
 */
final class RunStats {

    private static final Map<String, RunStats> RUNS = new ConcurrentHashMap<>();

    private final EnumMap<SinkKind, Long> counts = new EnumMap<>(SinkKind.class);
    private final CandleTally finals = new CandleTally();
    private final LatencySamples venueLive = new LatencySamples();
    private final LatencySamples consolidatedLive = new LatencySamples();
    private long lastRecordNanos = Long.MIN_VALUE;

    private RunStats() {
        for (SinkKind k : SinkKind.values()) {
            counts.put(k, 0L);
        }
    }

    static RunStats start(String runId) {
        RunStats stats = new RunStats();
        RUNS.put(runId, stats);
        return stats;
    }

    static RunStats get(String runId) {
        RunStats stats = RUNS.get(runId);
        if (stats == null) {
            throw new IllegalStateException("No run '" + runId + "' in this JVM");
        }
        return stats;
    }

    static void forget(String runId) {
        RUNS.remove(runId);
    }

    /** Adds what one sink writer counted. */
    synchronized void merge(
            SinkKind kind,
            long count,
            long lastNanos,
            CandleTally tally,
            LatencySamples venue,
            LatencySamples consolidated) {
        counts.merge(kind, count, Long::sum);
        if (count > 0) {
            lastRecordNanos = Math.max(lastRecordNanos, lastNanos);
        }
        finals.addAll(tally);
        venueLive.addAll(venue);
        consolidatedLive.addAll(consolidated);
    }

    synchronized long count(SinkKind kind) {
        return counts.get(kind);
    }

    /** When the last record of the run reached any sink ({@link System#nanoTime()}). */
    synchronized long lastRecordNanos() {
        return lastRecordNanos;
    }

    synchronized CandleTally finals() {
        return finals;
    }

    synchronized LatencySamples venueLive() {
        return venueLive;
    }

    synchronized LatencySamples consolidatedLive() {
        return consolidatedLive;
    }
}
