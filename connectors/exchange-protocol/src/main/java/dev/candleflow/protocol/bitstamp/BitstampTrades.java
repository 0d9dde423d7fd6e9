package dev.candleflow.protocol.bitstamp;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.SuffixSymbols;
import dev.candleflow.protocol.TradeChecks;
import dev.candleflow.protocol.WireValues.TimeFormat;
import java.util.List;

/** Bitstamp trades (live and REST) to checked trades, and Bitstamp's {@code btcusd} pairs. */
final class BitstampTrades {

    /** Quote assets of Bitstamp pairs; a pair is split at the quote it ends with. */
    static final SuffixSymbols PAIRS =
            new SuffixSymbols(List.of("pyusd", "usdt", "usdc", "usd", "eur", "gbp", "btc", "eth"));

    private BitstampTrades() {}

    /** One trade of {@code pair}; live trades carry microseconds, REST ones only seconds. */
    static TradeChecks.Result toTrade(BitstampMessage m, String pair, long receivedAtMicros) {
        TradeChecks checks =
                TradeChecks.of(Venue.BITSTAMP, receivedAtMicros)
                        .instrument("channel", pair, PAIRS::toInstrument)
                        .numericId("id", m.id)
                        .price("price_str", m.priceStr)
                        .quantity("amount_str", m.amountStr);
        if (m.microtimestamp != null) {
            checks.time("microtimestamp", m.microtimestamp, TimeFormat.EPOCH_MICROS);
        } else {
            checks.time("timestamp", m.timestamp, TimeFormat.EPOCH_SECONDS);
        }
        return checks.side("type", m.type, BitstampTrades::side).build();
    }

    /** {@code BTC-USD} to {@code btcusd}. */
    static String pair(InstrumentId instrument) {
        return SuffixSymbols.lower(instrument);
    }

    /**
     * {@code type} 0 is a buy and 1 a sell, of the taker: in recorded frames every trade of one
     * taker order (same {@code sell_order_id}, several {@code buy_order_id}s) has type 1.
     */
    static Side side(String type) {
        return switch (type) {
            case "0" -> Side.BUY;
            case "1" -> Side.SELL;
            default -> null;
        };
    }
}
