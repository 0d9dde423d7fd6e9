package dev.candleflow.simulator.market;

import java.util.SplittableRandom;

/**
 * The fair price of one instrument, shared by every venue: a geometric random walk in whole ticks
 * that moves every {@link #STEP_MICROS} of event time. Each venue tape owns its own instance built
 * from the same seed, so all of them see the very same path without sharing state.
 *
 * <p>Only {@link SplittableRandom#nextDouble()} and {@link StrictMath} are used: a seed must give
 * the same path on every JDK and CPU.
 */
final class UnderlyingPrice {

    /** The walk moves every 100 ms of event time. */
    static final long STEP_MICROS = 100_000L;

    /** Standard deviation of the log-price per step (2 basis points). */
    static final double STEP_SIGMA = 2e-4;

    private final SplittableRandom random;
    private double logTicks;
    private long stepEndMicros;

    /**
     * @param seed the market seed
     * @param instrument the instrument, which names the random stream
     * @param startMicros event time of the open
     * @param startTicks the price at the open, in ticks
     */
    UnderlyingPrice(long seed, Instrument instrument, long startMicros, long startTicks) {
        this.random = new SplittableRandom(Seeds.derive(seed, "underlying|" + instrument));
        this.logTicks = StrictMath.log(startTicks);
        this.stepEndMicros = startMicros + STEP_MICROS;
    }

    /** The log-price in ticks at {@code eventMicros}; calls must not go back in time. */
    double logTicksAt(long eventMicros) {
        while (eventMicros >= stepEndMicros) {
            logTicks += STEP_SIGMA * Gaussian.next(random);
            stepEndMicros += STEP_MICROS;
        }
        return logTicks;
    }
}
