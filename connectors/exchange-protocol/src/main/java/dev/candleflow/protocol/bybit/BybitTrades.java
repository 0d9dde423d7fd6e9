package dev.candleflow.protocol.bybit;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.SuffixSymbols;
import dev.candleflow.protocol.TradeChecks;
import dev.candleflow.protocol.WireValues;
import dev.candleflow.protocol.WireValues.TimeFormat;
import dev.candleflow.protocol.bybit.BybitMessage.BybitTrade;
import java.util.ArrayList;
import java.util.List;

/** Bybit {@code publicTrade} items to checked trades, and Bybit's spot symbols. */
final class BybitTrades {

    /** Quote assets of Bybit spot pairs; a symbol is split at the quote it ends with. */
    static final SuffixSymbols SYMBOLS =
            new SuffixSymbols(
                    List.of(
                            "FDUSD", "USDT", "USDC", "USDE", "USD", "EUR", "BRL", "TRY", "PLN",
                            "BTC", "ETH", "DAI", "MNT"));

    private BybitTrades() {}

    /** The frame's trades in venue order (Bybit sorts them by match time), or the first problem. */
    static ParsedFrame toFrame(List<BybitTrade> data, String topicSymbol, long receivedAtMicros) {
        List<TradeChecks.Result> results = new ArrayList<>(data.size());
        for (BybitTrade t : data) {
            // "seq" is a cross sequence shared by several trades: it orders, it does not count.
            long seq = Math.max(0L, WireValues.parseId(t.seq()));
            results.add(
                    TradeChecks.of(Venue.BYBIT, receivedAtMicros)
                            .instrument(
                                    "s",
                                    t.symbol() != null ? t.symbol() : topicSymbol,
                                    SYMBOLS::toInstrument)
                            .textId("i", t.id(), seq)
                            .price("p", t.price())
                            .quantity("v", t.size())
                            .time("T", t.time(), TimeFormat.EPOCH_MILLIS)
                            .side("S", t.side(), BybitTrades::side)
                            .build());
        }
        return TradeChecks.collect(results);
    }

    /** {@code BTC-USDT} to {@code BTCUSDT}. */
    static String symbol(InstrumentId instrument) {
        return SuffixSymbols.upper(instrument);
    }

    /** {@code S} is the taker's side. */
    static Side side(String side) {
        return switch (side) {
            case "Buy" -> Side.BUY;
            case "Sell" -> Side.SELL;
            default -> null;
        };
    }
}
