package dev.candleflow.protocol.okx;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.TradeChecks;
import dev.candleflow.protocol.WireValues.TimeFormat;
import dev.candleflow.protocol.okx.OkxMessage.OkxTrade;
import java.util.ArrayList;
import java.util.List;

/** OKX trade objects (WebSocket push and REST alike) to checked trades, and OKX's symbols. */
final class OkxTrades {

    private OkxTrades() {}

    /** The frame's trades in venue order, or the first problem. */
    static ParsedFrame toFrame(List<OkxTrade> data, String fallbackInstId, long receivedAtMicros) {
        List<TradeChecks.Result> results = new ArrayList<>(data.size());
        for (OkxTrade t : data) {
            results.add(
                    TradeChecks.of(Venue.OKX, receivedAtMicros)
                            .instrument(
                                    "instId",
                                    t.instId() != null ? t.instId() : fallbackInstId,
                                    OkxTrades::toInstrument)
                            .numericId("tradeId", t.tradeId())
                            .price("px", t.px())
                            .quantity("sz", t.sz())
                            .time("ts", t.ts(), TimeFormat.EPOCH_MILLIS)
                            .side("side", t.side(), OkxTrades::side)
                            .build());
        }
        return TradeChecks.collect(results);
    }

    /**
     * {@code BTC-USDT} to the instrument; derivatives such as {@code BTC-USD-SWAP} are no spot
     * instruments and map to null.
     */
    static InstrumentId toInstrument(String instId) {
        if (instId.chars().filter(c -> c == '-').count() != 1 || !instId.equals(instId.strip())) {
            return null;
        }
        return InstrumentId.parse(instId);
    }

    /** OKX's instrument id for a canonical instrument: the same {@code BASE-QUOTE}. */
    static String instId(InstrumentId instrument) {
        return instrument.toString();
    }

    /** {@code side} is the taker's side on both the push channels and history-trades. */
    static Side side(String side) {
        return switch (side) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> null;
        };
    }
}
