package dev.candleflow.source.reader;

import java.util.Arrays;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.HistogramStatistics;

/**
 * The most recent lags (receive time minus event time, in ms) of one connection's live trades, in a
 * fixed ring: a Flink {@link Histogram} over the ring, and percentiles over the samples of the
 * current reporting interval (its newest {@value #SIZE} when it had more). Thread-safe.
 */
public final class LagHistogram implements Histogram {

    static final int SIZE = 2048;

    private final long[] ring = new long[SIZE];
    private long count;
    private long countAtInterval;

    @Override
    public synchronized void update(long lagMillis) {
        ring[(int) (count % SIZE)] = lagMillis;
        count++;
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    @Override
    public HistogramStatistics getStatistics() {
        return new Stats(newest(SIZE));
    }

    /**
     * The {@code p50} and {@code p99} of the lags since the last call, then starts a new interval.
     *
     * @return {@code {-1, -1}} when no trade arrived in the interval
     */
    public double[] takeIntervalPercentiles() {
        long[] sample;
        synchronized (this) {
            sample = newest((int) Math.min(SIZE, count - countAtInterval));
            countAtInterval = count;
        }
        if (sample.length == 0) {
            return new double[] {-1.0, -1.0};
        }
        Stats stats = new Stats(sample);
        return new double[] {stats.getQuantile(0.5), stats.getQuantile(0.99)};
    }

    private synchronized long[] newest(int n) {
        int size = (int) Math.min(n, Math.min(count, SIZE));
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = ring[(int) ((count - size + i) % SIZE)];
        }
        return out;
    }

    /** Statistics of one sorted snapshot. */
    private static final class Stats extends HistogramStatistics {
        private final long[] sorted;

        Stats(long[] values) {
            this.sorted = values.clone();
            Arrays.sort(sorted);
        }

        @Override
        public double getQuantile(double quantile) {
            if (sorted.length == 0) {
                return 0.0;
            }
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        @Override
        public long[] getValues() {
            return sorted.clone();
        }

        @Override
        public int size() {
            return sorted.length;
        }

        @Override
        public double getMean() {
            return sorted.length == 0 ? 0.0 : Arrays.stream(sorted).average().orElse(0.0);
        }

        @Override
        public double getStdDev() {
            if (sorted.length < 2) {
                return 0.0;
            }
            double mean = getMean();
            double sq = 0;
            for (long v : sorted) {
                sq += (v - mean) * (v - mean);
            }
            return Math.sqrt(sq / (sorted.length - 1));
        }

        @Override
        public long getMax() {
            return sorted.length == 0 ? 0L : sorted[sorted.length - 1];
        }

        @Override
        public long getMin() {
            return sorted.length == 0 ? 0L : sorted[0];
        }
    }
}
