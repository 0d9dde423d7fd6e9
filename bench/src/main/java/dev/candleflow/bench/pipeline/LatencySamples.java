package dev.candleflow.bench.pipeline;

import java.util.Arrays;

/** Latencies in nanoseconds, all of them (up to a bound), for exact percentiles. */
final class LatencySamples {

    private static final int MAX_SAMPLES = 4_000_000;

    private long[] values = new long[1024];
    private int size;
    private long dropped;

    void add(long nanos) {
        if (size == values.length) {
            if (size == MAX_SAMPLES) {
                dropped++;
                return;
            }
            values = Arrays.copyOf(values, Math.min(MAX_SAMPLES, size * 2));
        }
        values[size++] = nanos;
    }

    void addAll(LatencySamples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
        dropped += other.dropped;
    }

    int size() {
        return size;
    }

    /** The percentiles of these samples. */
    Latency summary() {
        if (size == 0) {
            return Latency.NONE;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Latency(size, at(sorted, 0.50), at(sorted, 0.99), sorted[size - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1e6;
    }
}
