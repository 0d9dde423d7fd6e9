package dev.candleflow.source.testutils;

import dev.candleflow.model.Trade;
import dev.candleflow.simulator.venue.VenueTrade;

/** What identifies a trade for the comparison; times at millisecond precision. */
public record TradeKey(
        String venue,
        String instrument,
        String tradeId,
        String price,
        String qty,
        long millis,
        String side) {

    public static TradeKey of(VenueTrade t) {
        return new TradeKey(
                t.venue().id(),
                t.instrument(),
                t.tradeId(),
                t.price().toPlainString(),
                t.quantity().toPlainString(),
                Math.floorDiv(t.eventTimeMicros(), 1000L),
                t.takerSide().name());
    }

    public static TradeKey of(Trade t) {
        return new TradeKey(
                t.venue().id(),
                t.instrument().toString(),
                t.tradeId(),
                t.price().toPlainString(),
                t.quantity().toPlainString(),
                t.eventTimeMillis(),
                t.aggressor().name());
    }
}
