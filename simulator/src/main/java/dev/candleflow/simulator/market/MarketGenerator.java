package dev.candleflow.simulator.market;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Deterministic, unpaced trade generator: merges the symbols' tapes into one stream ordered by
 * event time, so the same inputs always give the same trades regardless of wall-clock pacing.
 *
 * <pre>{@code
 * MarketGenerator market = new MarketGenerator(
 *         List.of(SymbolSpec.defaultsFor("BTCUSDT")), 42L, 20.0, 1_700_000_040_000L,
 *         OptionalLong.empty());
 * SimTrade first = market.next();
 * }</pre>
 */
public final class MarketGenerator {

    private static final long RANDOM_ID_BASE_MIN = 100_000_000L;
    private static final long RANDOM_ID_BASE_SPAN = 3_900_000_000L;

    private final List<SymbolTape> tapes;

    /**
     * @param symbols instruments, in tie-break order (equal microsecond times go to the first)
     * @param seed seed of every random stream
     * @param tradesPerSecond mean trades per second of event time, per symbol
     * @param startMillis event time of the market open, epoch milliseconds
     * @param tradeIdBase first trade id of every symbol; when empty each symbol draws its own
     */
    public MarketGenerator(
            List<SymbolSpec> symbols,
            long seed,
            double tradesPerSecond,
            long startMillis,
            OptionalLong tradeIdBase) {
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(tradeIdBase, "tradeIdBase");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("at least one symbol is required");
        }
        if (!(tradesPerSecond > 0.0) || Double.isInfinite(tradesPerSecond)) {
            throw new IllegalArgumentException(
                    "tradesPerSecond must be > 0 and finite, was " + tradesPerSecond);
        }
        long startMicros = Math.multiplyExact(startMillis, 1000L);
        List<SymbolTape> built = new ArrayList<>(symbols.size());
        var seen = new HashSet<String>();
        for (SymbolSpec spec : symbols) {
            if (!seen.add(spec.symbol())) {
                throw new IllegalArgumentException("duplicate symbol " + spec.symbol());
            }
            // A per-symbol stream keyed by the symbol name: adding a symbol leaves others intact.
            SplittableRandom random = new SplittableRandom(seed ^ mix(spec.symbol().hashCode()));
            long firstId =
                    tradeIdBase.orElseGet(
                            () -> RANDOM_ID_BASE_MIN + random.nextLong(RANDOM_ID_BASE_SPAN));
            built.add(new SymbolTape(spec, random, tradesPerSecond, startMicros, firstId));
        }
        this.tapes = List.copyOf(built);
    }

    /** Event time of the trade {@link #next()} will return, in epoch microseconds. */
    public long peekEventMicros() {
        return earliest().nextEventMicros();
    }

    /** The next trade across all symbols, in event-time order. */
    public SimTrade next() {
        return earliest().take();
    }

    private SymbolTape earliest() {
        SymbolTape best = tapes.get(0);
        for (int i = 1; i < tapes.size(); i++) {
            SymbolTape tape = tapes.get(i);
            if (tape.nextEventMicros() < best.nextEventMicros()) {
                best = tape;
            }
        }
        return best;
    }

    /** SplitMix64 finalizer, so that similar symbol hashes give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
