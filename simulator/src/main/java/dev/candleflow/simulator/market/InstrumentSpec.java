package dev.candleflow.simulator.market;

import java.util.Objects;

/**
 * One instrument of the simulated market with its price levels.
 *
 * @param instrument the instrument, e.g. {@code BTC-USDT}
 * @param levels start price, tick, lot and mean trade size
 */
public record InstrumentSpec(Instrument instrument, SymbolSpec levels) {

    public InstrumentSpec {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(levels, "levels");
    }

    /** Plausible levels for a canonical instrument such as {@code BTC-USDT} or {@code ETH-USD}. */
    public static InstrumentSpec defaultsFor(Instrument instrument) {
        return new InstrumentSpec(instrument, SymbolSpec.defaultsFor(instrument.joined("")));
    }

    /** A Binance symbol's spec, split into its instrument. */
    public static InstrumentSpec of(SymbolSpec spec) {
        return new InstrumentSpec(Instrument.ofBinanceSymbol(spec.symbol()), spec);
    }
}
