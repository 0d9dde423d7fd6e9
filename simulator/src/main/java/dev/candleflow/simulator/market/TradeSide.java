package dev.candleflow.simulator.market;

/** The side of the taker (aggressor) of a trade. */
public enum TradeSide {
    BUY,
    SELL;

    /** Binance's {@code m} flag: the buyer was the maker, so the taker sold. */
    public boolean buyerIsMaker() {
        return this == SELL;
    }

    /** Lower-case name as most venues print it ({@code buy}, {@code sell}). */
    public String lowerCase() {
        return this == BUY ? "buy" : "sell";
    }
}
