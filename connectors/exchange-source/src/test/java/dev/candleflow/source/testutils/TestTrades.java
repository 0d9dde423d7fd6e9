package dev.candleflow.source.testutils;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import java.math.BigDecimal;

/** Trades and Binance frames whose fields follow from their sequence. */
public final class TestTrades {

    public static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");
    public static final InstrumentId ETH = InstrumentId.parse("ETH-USDT");

    /** Event time of sequence 0, in ms: 2023-01-01. */
    public static final long BASE_MILLIS = 1_672_531_200_000L;

    private TestTrades() {}

    /** Trade {@code seq} of {@code instrument}: time BASE + seq ms, price 100 + seq/100. */
    public static Trade trade(InstrumentId instrument, long seq) {
        return new Trade(
                Venue.BINANCE,
                instrument,
                (BASE_MILLIS + seq) * 1000L,
                (BASE_MILLIS + seq + 5) * 1000L,
                seq,
                BigDecimal.valueOf(10_000 + seq, 2),
                new BigDecimal("0.50000000"),
                seq % 2 == 0 ? Side.BUY : Side.SELL,
                Long.toString(seq));
    }

    /** The Binance combined-stream frame of {@link #trade}. */
    public static String frame(InstrumentId instrument, long seq) {
        String symbol = instrument.base() + instrument.quote();
        return "{\"stream\":\""
                + symbol.toLowerCase(java.util.Locale.ROOT)
                + "@trade\",\"data\":{\"e\":\"trade\",\"E\":"
                + (BASE_MILLIS + seq)
                + ",\"s\":\""
                + symbol
                + "\",\"t\":"
                + seq
                + ",\"p\":\""
                + BigDecimal.valueOf(10_000 + seq, 2).toPlainString()
                + "\",\"q\":\"0.50000000\",\"T\":"
                + (BASE_MILLIS + seq)
                + ",\"m\":"
                + (seq % 2 != 0)
                + ",\"M\":true}}";
    }
}
