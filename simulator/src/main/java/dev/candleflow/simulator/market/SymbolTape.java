package dev.candleflow.simulator.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * The trade tape of one symbol: Poisson arrivals, a geometric random walk on the tick grid and
 * lot-sized quantities, all drawn from the symbol's own random stream.
 *
 * <p>Only {@link SplittableRandom#nextDouble()}/{@code nextLong} and {@link StrictMath} are used,
 * because {@code nextGaussian} and {@code Math.log/exp} may differ between JDK versions or CPUs,
 * and a seed must give the same trades everywhere.
 */
final class SymbolTape {

    /** Standard deviation of the log-price step per trade (2 basis points). */
    static final double STEP_SIGMA = 2e-4;

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final SymbolSpec spec;
    private final SplittableRandom random;
    private final double meanGapMicros;
    private final BigDecimal tickAtWireScale;
    private final BigDecimal lotAtWireScale;

    private double logPriceTicks;
    private long nextTradeId;
    private long nextEventMicros;

    SymbolTape(
            SymbolSpec spec,
            SplittableRandom random,
            double tradesPerSecond,
            long startMicros,
            long firstTradeId) {
        this.spec = spec;
        this.random = random;
        this.meanGapMicros = MICROS_PER_SECOND / tradesPerSecond;
        this.tickAtWireScale = spec.tickSize().setScale(SymbolSpec.WIRE_SCALE);
        this.lotAtWireScale = spec.lotSize().setScale(SymbolSpec.WIRE_SCALE);
        this.logPriceTicks = StrictMath.log(spec.startTicks());
        this.nextTradeId = firstTradeId;
        this.nextEventMicros = startMicros + nextGapMicros();
    }

    String symbol() {
        return spec.symbol();
    }

    /** Event time of the trade {@link #take()} will return next, in epoch microseconds. */
    long nextEventMicros() {
        return nextEventMicros;
    }

    /** Produces the pending trade and schedules the following one. */
    SimTrade take() {
        long eventMicros = nextEventMicros;
        logPriceTicks += STEP_SIGMA * standardNormal();
        // The walk lives in log space; the wire value is the nearest whole tick, never below one.
        long ticks = Math.max(1L, Math.round(StrictMath.exp(logPriceTicks)));
        long lots = 1L + (long) Math.floor(exponential(spec.meanLotsPerTrade()));
        SimTrade trade =
                new SimTrade(
                        spec.symbol(),
                        nextTradeId++,
                        onGrid(ticks, tickAtWireScale),
                        onGrid(lots, lotAtWireScale),
                        Math.floorDiv(eventMicros, 1000L),
                        random.nextBoolean());
        nextEventMicros = eventMicros + nextGapMicros();
        return trade;
    }

    private long nextGapMicros() {
        // At least 1 us so that the tape's own order is strict even when ms timestamps tie.
        return Math.max(1L, Math.round(exponential(meanGapMicros)));
    }

    private double exponential(double mean) {
        return -mean * StrictMath.log(1.0 - random.nextDouble());
    }

    /** Box-Muller on two uniforms; the second variate is discarded to keep the stream simple. */
    private double standardNormal() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    private static BigDecimal onGrid(long steps, BigDecimal stepAtWireScale) {
        return BigDecimal.valueOf(steps)
                .multiply(stepAtWireScale)
                .setScale(SymbolSpec.WIRE_SCALE, RoundingMode.UNNECESSARY);
    }
}
