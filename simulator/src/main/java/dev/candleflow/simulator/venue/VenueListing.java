package dev.candleflow.simulator.venue;

import dev.candleflow.simulator.market.Instrument;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The symbols a venue lists, in its own notation, with their instruments.
 *
 * @param symbols venue symbol to instrument, in listing order
 * @param acceptsAny whether any symbol counts as listed (a replayed capture brings its own)
 */
public record VenueListing(Map<String, Instrument> symbols, boolean acceptsAny) {

    public VenueListing {
        symbols = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(symbols));
    }

    /** A listing of exactly these symbols. */
    public static VenueListing of(Map<String, Instrument> symbols) {
        return new VenueListing(symbols, false);
    }

    /** A listing that accepts every symbol. */
    public static VenueListing any() {
        return new VenueListing(Map.of(), true);
    }

    public boolean isListed(String symbol) {
        return acceptsAny || symbols.containsKey(Objects.requireNonNull(symbol, "symbol"));
    }

    public Optional<Instrument> instrument(String symbol) {
        return Optional.ofNullable(symbols.get(symbol));
    }
}
