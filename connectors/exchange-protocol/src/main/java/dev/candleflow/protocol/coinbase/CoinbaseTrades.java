package dev.candleflow.protocol.coinbase;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.TradeChecks;
import dev.candleflow.protocol.WireValues.TimeFormat;

/** Coinbase matches and REST trades to checked trades, and Coinbase's product ids. */
final class CoinbaseTrades {

    private CoinbaseTrades() {}

    /** One match (or REST trade) of {@code productId}. */
    static TradeChecks.Result toTrade(CoinbaseMessage m, String productId, long receivedAtMicros) {
        return TradeChecks.of(Venue.COINBASE, receivedAtMicros)
                .instrument("product_id", productId, CoinbaseTrades::toInstrument)
                .numericId("trade_id", m.tradeId)
                .price("price", m.price)
                .quantity("size", m.size)
                .time("time", m.time, TimeFormat.RFC3339)
                .side("side", m.side, CoinbaseTrades::takerSide)
                .build();
    }

    /** {@code BTC-USD} to the instrument; Coinbase already writes {@code BASE-QUOTE}. */
    static InstrumentId toInstrument(String productId) {
        if (productId.chars().filter(c -> c == '-').count() != 1
                || !productId.equals(productId.strip())) {
            return null;
        }
        return InstrumentId.parse(productId);
    }

    static String productId(InstrumentId instrument) {
        return instrument.toString();
    }

    /**
     * Coinbase's {@code side} is the maker order's side ("a buy side indicates a down-tick because
     * the maker was a buy order"), so the taker, candleflow's aggressor, is the opposite.
     */
    static Side takerSide(String makerSide) {
        return switch (makerSide) {
            case "buy" -> Side.SELL;
            case "sell" -> Side.BUY;
            default -> null;
        };
    }
}
