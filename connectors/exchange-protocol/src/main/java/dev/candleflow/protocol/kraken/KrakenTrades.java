package dev.candleflow.protocol.kraken;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.TradeChecks;
import dev.candleflow.protocol.WireValues.TimeFormat;
import dev.candleflow.protocol.kraken.KrakenMessage.KrakenTrade;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Kraken v2 trade events to checked trades, and Kraken's {@code BASE/QUOTE} symbols. */
final class KrakenTrades {

    /** Kraken's legacy asset codes (v1, REST) that v2 should no longer send, mapped defensively. */
    static final Map<String, String> LEGACY_ASSETS = Map.of("XBT", "BTC", "XDG", "DOGE");

    private KrakenTrades() {}

    /** The frame's trades in venue order, or the first problem. */
    static ParsedFrame toFrame(List<KrakenTrade> data, long receivedAtMicros) {
        List<TradeChecks.Result> results = new ArrayList<>(data.size());
        for (KrakenTrade t : data) {
            results.add(
                    TradeChecks.of(Venue.KRAKEN, receivedAtMicros)
                            .instrument("symbol", t.symbol(), KrakenTrades::toInstrument)
                            .numericId("trade_id", t.tradeId())
                            .price("price", t.price())
                            .quantity("qty", t.qty())
                            .time("timestamp", t.timestamp(), TimeFormat.RFC3339)
                            .side("side", t.side(), KrakenTrades::side)
                            .build());
        }
        return TradeChecks.collect(results);
    }

    /** {@code BTC/USD} (or legacy {@code XBT/USD}) to {@code BTC-USD}; null if not a pair. */
    static InstrumentId toInstrument(String symbol) {
        int slash = symbol.indexOf('/');
        if (slash <= 0 || slash != symbol.lastIndexOf('/') || slash == symbol.length() - 1) {
            return null;
        }
        return new InstrumentId(
                canonical(symbol.substring(0, slash)), canonical(symbol.substring(slash + 1)));
    }

    /** {@code BTC-USD} to the v2 symbol {@code BTC/USD}. */
    static String symbol(InstrumentId instrument) {
        return instrument.base() + "/" + instrument.quote();
    }

    /** {@code side} is the taker's side. */
    static Side side(String side) {
        return switch (side) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> null;
        };
    }

    private static String canonical(String asset) {
        return LEGACY_ASSETS.getOrDefault(asset, asset);
    }
}
