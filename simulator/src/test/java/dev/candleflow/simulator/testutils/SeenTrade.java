package dev.candleflow.simulator.testutils;

import dev.candleflow.simulator.market.TradeSide;
import dev.candleflow.simulator.venue.VenueTrade;
import java.math.BigDecimal;

/**
 * A trade as a client decoded it from a frame or a REST item, comparable with a published {@link
 * VenueTrade}.
 */
public record SeenTrade(
        String symbol,
        String tradeId,
        BigDecimal price,
        BigDecimal quantity,
        long eventTimeMillis,
        TradeSide takerSide) {

    public static SeenTrade of(VenueTrade t) {
        return new SeenTrade(
                t.symbol(),
                t.tradeId(),
                t.price(),
                t.quantity(),
                t.eventTimeMillis(),
                t.takerSide());
    }

    /** Same trade, comparing numbers by value (venues print them at different scales). */
    public boolean sameAs(VenueTrade t) {
        return symbol.equals(t.symbol())
                && tradeId.equals(t.tradeId())
                && price.compareTo(t.price()) == 0
                && quantity.compareTo(t.quantity()) == 0
                && eventTimeMillis == t.eventTimeMillis()
                && takerSide == t.takerSide();
    }
}
