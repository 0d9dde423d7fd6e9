package dev.candleflow.simulator.market;

import java.util.SplittableRandom;

/**
 * Portable random variates: {@code nextGaussian} and {@code Math.log} may differ between JDKs or
 * CPUs, so these use only {@link SplittableRandom#nextDouble()} and {@link StrictMath}.
 */
final class Gaussian {

    private Gaussian() {}

    /** Box-Muller on two uniforms; the second variate is discarded to keep the stream simple. */
    static double next(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** Exponential with the given mean. */
    static double exponential(SplittableRandom random, double mean) {
        return -mean * StrictMath.log(1.0 - random.nextDouble());
    }
}
