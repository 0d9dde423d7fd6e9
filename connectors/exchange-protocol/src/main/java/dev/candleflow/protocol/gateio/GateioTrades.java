package dev.candleflow.protocol.gateio;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.TradeChecks;
import dev.candleflow.protocol.WireValues.TimeFormat;

/** Gate.io trades (live and REST) to checked trades, and Gate.io's {@code BTC_USDT} pairs. */
final class GateioTrades {

    private GateioTrades() {}

    /** One trade; {@code create_time_ms} keeps sub-second precision, {@code create_time} not. */
    static TradeChecks.Result toTrade(GateioMessage m, String pair, long receivedAtMicros) {
        TradeChecks checks =
                TradeChecks.of(Venue.GATEIO, receivedAtMicros)
                        .instrument("currency_pair", pair, GateioTrades::toInstrument)
                        .numericId("id", m.id)
                        .price("price", m.price)
                        .quantity("amount", m.amount);
        if (m.createTimeMs != null) {
            checks.time("create_time_ms", m.createTimeMs, TimeFormat.EPOCH_MILLIS);
        } else {
            checks.time("create_time", m.createTime, TimeFormat.EPOCH_SECONDS);
        }
        return checks.side("side", m.side, GateioTrades::side).build();
    }

    /** {@code BTC_USDT} to {@code BTC-USDT}; null when not exactly one underscore. */
    static InstrumentId toInstrument(String pair) {
        int underscore = pair.indexOf('_');
        if (underscore <= 0 || underscore != pair.lastIndexOf('_')) {
            return null;
        }
        return new InstrumentId(pair.substring(0, underscore), pair.substring(underscore + 1));
    }

    /** {@code BTC-USDT} to {@code BTC_USDT}. */
    static String pair(InstrumentId instrument) {
        return instrument.base() + "_" + instrument.quote();
    }

    /** The public trades channel "only notifies the taker side", so {@code side} is the taker's. */
    static Side side(String side) {
        return switch (side) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> null;
        };
    }
}
