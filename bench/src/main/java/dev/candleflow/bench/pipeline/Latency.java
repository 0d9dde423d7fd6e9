package dev.candleflow.bench.pipeline;

/**
 * Latency percentiles of live candle updates, in milliseconds.
 *
 * @param samples how many updates were measured; 0 means none (the percentiles are then NaN)
 */
public record Latency(int samples, double p50Millis, double p99Millis, double maxMillis) {

    static final Latency NONE = new Latency(0, Double.NaN, Double.NaN, Double.NaN);
}
