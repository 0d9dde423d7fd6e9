package dev.candleflow.job.candles;

import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import java.math.BigDecimal;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds trades into a {@link CandleAccumulator}, exactly, in any arrival order. */
public final class CandleAggregate
        implements AggregateFunction<Trade, CandleAccumulator, CandleAccumulator> {

    private static final long serialVersionUID = 1L;

    @Override
    public CandleAccumulator createAccumulator() {
        return new CandleAccumulator();
    }

    @Override
    public CandleAccumulator add(Trade t, CandleAccumulator acc) {
        return addTo(acc, t);
    }

    /** Adds one trade to an accumulator, in place. */
    public static CandleAccumulator addTo(CandleAccumulator acc, Trade t) {
        BigDecimal notional = t.price().multiply(t.quantity());
        if (acc.isEmpty()) {
            acc.venue = t.venue();
            acc.instrument = t.instrument();
            setOpen(acc, t.price(), t.eventTimeMicros(), t.sequence(), t.tradeId());
            setClose(acc, t.price(), t.eventTimeMicros(), t.sequence(), t.tradeId());
            acc.high = t.price();
            acc.low = t.price();
        } else {
            if (acc.before(t.eventTimeMicros(), t.sequence())) {
                setOpen(acc, t.price(), t.eventTimeMicros(), t.sequence(), t.tradeId());
            }
            if (acc.after(t.eventTimeMicros(), t.sequence())) {
                setClose(acc, t.price(), t.eventTimeMicros(), t.sequence(), t.tradeId());
            }
            acc.high = acc.high.max(t.price());
            acc.low = acc.low.min(t.price());
        }
        acc.count++;
        acc.volume = acc.volume.add(t.quantity());
        acc.quoteVolume = acc.quoteVolume.add(notional);
        if (t.aggressor() == Side.BUY) {
            acc.takerBuyVolume = acc.takerBuyVolume.add(t.quantity());
            acc.takerBuyQuoteVolume = acc.takerBuyQuoteVolume.add(notional);
        }
        return acc;
    }

    @Override
    public CandleAccumulator getResult(CandleAccumulator acc) {
        return acc;
    }

    @Override
    public CandleAccumulator merge(CandleAccumulator a, CandleAccumulator b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        if (b.before(a.openTimeMicros, a.openSequence)) {
            setOpen(b, a.open, a.openTimeMicros, a.openSequence, a.openTradeId);
        }
        if (b.after(a.closeTimeMicros, a.closeSequence)) {
            setClose(b, a.close, a.closeTimeMicros, a.closeSequence, a.closeTradeId);
        }
        b.high = a.high.max(b.high);
        b.low = a.low.min(b.low);
        b.count += a.count;
        b.volume = b.volume.add(a.volume);
        b.quoteVolume = b.quoteVolume.add(a.quoteVolume);
        b.takerBuyVolume = b.takerBuyVolume.add(a.takerBuyVolume);
        b.takerBuyQuoteVolume = b.takerBuyQuoteVolume.add(a.takerBuyQuoteVolume);
        return b;
    }

    private static void setOpen(
            CandleAccumulator acc, BigDecimal p, long time, long seq, String id) {
        acc.open = p;
        acc.openTimeMicros = time;
        acc.openSequence = seq;
        acc.openTradeId = id;
    }

    private static void setClose(
            CandleAccumulator acc, BigDecimal p, long time, long seq, String id) {
        acc.close = p;
        acc.closeTimeMicros = time;
        acc.closeSequence = seq;
        acc.closeTradeId = id;
    }
}
