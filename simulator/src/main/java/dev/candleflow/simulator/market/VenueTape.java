package dev.candleflow.simulator.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * The trades of one instrument on one venue: Poisson arrivals, each priced at the shared {@link
 * UnderlyingPrice} shifted by the venue's basis plus a little noise, rounded to the tick grid, with
 * lot-sized quantities. Buyers pay a little above fair, sellers get a little below.
 *
 * <p>The tape's draws depend only on the seed, the venue and the instrument, so a venue trades the
 * same with or without other venues beside it.
 */
final class VenueTape {

    /** Standard deviation of the per-trade noise around the venue's price (0.5 basis points). */
    static final double NOISE_SIGMA = 5e-5;

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final int venueIndex;
    private final Instrument instrument;
    private final SymbolSpec spec;
    private final SplittableRandom random;
    private final UnderlyingPrice underlying;
    private final double meanGapMicros;
    private final double logBasis;
    private final int priceScale;
    private final int quantityScale;

    private long number;
    private long nextEventMicros;

    VenueTape(
            int venueIndex,
            String venueName,
            Instrument instrument,
            SymbolSpec spec,
            long seed,
            double tradesPerSecond,
            long startMicros,
            double basis) {
        this.venueIndex = venueIndex;
        this.instrument = instrument;
        this.spec = spec;
        this.random =
                new SplittableRandom(Seeds.derive(seed, "tape|" + venueName + "|" + instrument));
        this.underlying = new UnderlyingPrice(seed, instrument, startMicros, spec.startTicks());
        this.meanGapMicros = MICROS_PER_SECOND / tradesPerSecond;
        this.logBasis = StrictMath.log1p(basis);
        this.priceScale = Math.max(0, spec.tickSize().scale());
        this.quantityScale = Math.max(0, spec.lotSize().scale());
        this.nextEventMicros = startMicros + nextGapMicros();
    }

    /** Event time of the trade {@link #take()} returns next. */
    long nextEventMicros() {
        return nextEventMicros;
    }

    /** Produces the pending trade and schedules the following one. */
    MarketTrade take() {
        long eventMicros = nextEventMicros;
        double noise = NOISE_SIGMA * Gaussian.next(random);
        double logTicks = underlying.logTicksAt(eventMicros) + logBasis + noise;
        long ticks = Math.max(1L, Math.round(StrictMath.exp(logTicks)));
        long lots = 1L + (long) Math.floor(Gaussian.exponential(random, spec.meanLotsPerTrade()));
        MarketTrade trade =
                new MarketTrade(
                        venueIndex,
                        instrument,
                        number++,
                        eventMicros,
                        onGrid(ticks, spec.tickSize(), priceScale),
                        onGrid(lots, spec.lotSize(), quantityScale),
                        noise >= 0.0 ? TradeSide.BUY : TradeSide.SELL);
        nextEventMicros = eventMicros + nextGapMicros();
        return trade;
    }

    private long nextGapMicros() {
        // At least 1 us, so trade times are strictly increasing per tape.
        return Math.max(1L, Math.round(Gaussian.exponential(random, meanGapMicros)));
    }

    private static BigDecimal onGrid(long steps, BigDecimal step, int scale) {
        return BigDecimal.valueOf(steps).multiply(step).setScale(scale, RoundingMode.UNNECESSARY);
    }
}
