package dev.candleflow.simulator.market;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Deterministic, unpaced trade generator for several venues at once: one {@link VenueTape} per
 * venue and instrument, merged into a single stream ordered by event time (ties go to the earlier
 * venue, then the earlier instrument).
 *
 * <pre>{@code
 * MultiVenueMarket market = new MultiVenueMarket(
 *         List.of("binance", "okx"), List.of(0.0, 0.0002),
 *         List.of(InstrumentSpec.defaultsFor(Instrument.parse("BTC-USDT"))),
 *         42L, 20.0, 1_700_000_040_000L);
 * MarketTrade first = market.next();
 * }</pre>
 */
public final class MultiVenueMarket {

    private final List<VenueTape> tapes;

    /**
     * @param venues venue names, which name their random streams
     * @param basis each venue's relative price offset from the underlying (0.0002 = +2 bp)
     * @param instruments instruments, in tie-break order
     * @param seed seed of every random stream
     * @param tradesPerSecond mean trades per second of event time, per venue and instrument
     * @param startMillis event time of the open, epoch milliseconds
     */
    public MultiVenueMarket(
            List<String> venues,
            List<Double> basis,
            List<InstrumentSpec> instruments,
            long seed,
            double tradesPerSecond,
            long startMillis) {
        Objects.requireNonNull(venues, "venues");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(instruments, "instruments");
        if (venues.isEmpty() || instruments.isEmpty() || venues.size() != basis.size()) {
            throw new IllegalArgumentException(
                    "need at least one venue and instrument, and one basis per venue");
        }
        if (!(tradesPerSecond > 0.0) || Double.isInfinite(tradesPerSecond)) {
            throw new IllegalArgumentException(
                    "tradesPerSecond must be > 0 and finite, was " + tradesPerSecond);
        }
        var seen = new HashSet<Instrument>();
        for (InstrumentSpec spec : instruments) {
            if (!seen.add(spec.instrument())) {
                throw new IllegalArgumentException("duplicate instrument " + spec.instrument());
            }
        }
        long startMicros = Math.multiplyExact(startMillis, 1000L);
        List<VenueTape> built = new ArrayList<>(venues.size() * instruments.size());
        for (int v = 0; v < venues.size(); v++) {
            for (InstrumentSpec spec : instruments) {
                built.add(
                        new VenueTape(
                                v,
                                venues.get(v),
                                spec.instrument(),
                                spec.levels(),
                                seed,
                                tradesPerSecond,
                                startMicros,
                                basis.get(v)));
            }
        }
        this.tapes = List.copyOf(built);
    }

    /** Event time of the trade {@link #next()} will return, in epoch microseconds. */
    public long peekEventMicros() {
        return earliest().nextEventMicros();
    }

    /** The next trade across all venues and instruments, in event-time order. */
    public MarketTrade next() {
        return earliest().take();
    }

    private VenueTape earliest() {
        VenueTape best = tapes.get(0);
        for (int i = 1; i < tapes.size(); i++) {
            VenueTape tape = tapes.get(i);
            if (tape.nextEventMicros() < best.nextEventMicros()) {
                best = tape;
            }
        }
        return best;
    }
}
