package dev.candleflow.job.candles;

import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns a window's accumulator into a {@link Candle}. The first firing is revision 0; each late
 * trade within the allowed lateness fires the window again and the candle is re-emitted whole with
 * the next revision, so sinks keyed on the identity keep the newest.
 */
public final class CandleWindowFunction
        extends ProcessWindowFunction<CandleAccumulator, Candle, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    /** VWAP digits; ClickHouse keeps Decimal(38, 18). */
    public static final int VWAP_SCALE = 18;

    private static final ValueStateDescriptor<Integer> FIRINGS =
            new ValueStateDescriptor<>("candle-firings", Types.INT);

    private final CandleInterval interval;

    public CandleWindowFunction(CandleInterval interval) {
        this.interval = interval;
    }

    @Override
    public void process(
            String key, Context ctx, Iterable<CandleAccumulator> in, Collector<Candle> out)
            throws Exception {
        CandleAccumulator acc = in.iterator().next();
        if (acc.isEmpty()) {
            return;
        }
        ValueState<Integer> firings = ctx.windowState().getState(FIRINGS);
        Integer previous = firings.value();
        int revision = previous == null ? 0 : previous + 1;
        firings.update(revision);
        out.collect(toCandle(acc, interval, ctx.window().getStart() * 1000L, revision));
    }

    @Override
    public void clear(Context ctx) throws Exception {
        ctx.windowState().getState(FIRINGS).clear();
    }

    /** The candle of a non-empty accumulator. */
    public static Candle toCandle(
            CandleAccumulator acc, CandleInterval interval, long openTimeMicros, int revision) {
        BigDecimal vwap = acc.quoteVolume.divide(acc.volume, VWAP_SCALE, RoundingMode.HALF_EVEN);
        return new Candle(
                acc.venue,
                acc.instrument,
                interval,
                openTimeMicros,
                acc.open,
                acc.high,
                acc.low,
                acc.close,
                acc.volume,
                acc.quoteVolume,
                vwap,
                acc.takerBuyVolume,
                acc.takerBuyQuoteVolume,
                acc.count,
                acc.openTradeId,
                acc.closeTradeId,
                true,
                revision);
    }
}
