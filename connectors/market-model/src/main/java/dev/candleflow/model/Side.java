package dev.candleflow.model;

/** The aggressor (taker) side of a trade. */
public enum Side {
    BUY,
    SELL,
    /** The venue did not say. */
    UNKNOWN
}
