package dev.candleflow.job.candles;

import java.util.Arrays;

/**
 * The recent accepted prices of one venue's instrument, for the fat-finger check. A Flink POJO kept
 * in keyed state. Doubles are fine here: the median is only a yardstick for a band of whole
 * percents, and never reaches a candle.
 */
public class FatFingerWindow {
    public double[] prices = new double[0];
    public int size;
    public int next;

    public FatFingerWindow() {}

    static FatFingerWindow withCapacity(int capacity) {
        FatFingerWindow w = new FatFingerWindow();
        w.prices = new double[capacity];
        return w;
    }

    void add(double price) {
        prices[next] = price;
        next = (next + 1) % prices.length;
        size = Math.min(size + 1, prices.length);
    }

    double median() {
        double[] sorted = Arrays.copyOf(prices, size);
        Arrays.sort(sorted);
        return size % 2 == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2;
    }
}
