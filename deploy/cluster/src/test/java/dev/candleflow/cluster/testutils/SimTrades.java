package dev.candleflow.cluster.testutils;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.simulator.market.SimTrade;
import java.util.List;
import java.util.Map;

/** The simulator's published trades as the normalized trades the job should have accepted. */
public final class SimTrades {

    private SimTrades() {}

    public static List<Trade> toTrades(
            List<SimTrade> published, Map<String, InstrumentId> symbols) {
        return published.stream()
                .map(
                        s ->
                                new Trade(
                                        Venue.BINANCE,
                                        symbols.get(s.symbol()),
                                        s.eventTimeMillis() * 1000L,
                                        1L,
                                        s.tradeId(),
                                        s.price(),
                                        s.quantity(),
                                        s.buyerIsMaker() ? Side.SELL : Side.BUY,
                                        Long.toString(s.tradeId())))
                .toList();
    }
}
