package dev.candleflow.job.candles;

import dev.candleflow.job.pipeline.LateTrades;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.OutlierEvent;
import dev.candleflow.model.Trade;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Builds the smallest interval's candles of one venue's instrument from its trades (keyed by
 * venue|symbol): drops duplicate trade ids, flags fat-finger prints, emits a final candle when the
 * watermark passes a window, a new revision for each trade within the allowed lateness after that,
 * and live states of open windows at most once per live interval. Trades later than the lateness
 * become dead letters ({@code late}).
 *
 * <p>Besides its venue candles it emits, on {@link #FOR_CONSOLIDATION}, the same candles without
 * fat-finger prints, which is what the consolidated market is built from.
 */
public final class VenueCandleBuilder extends KeyedProcessFunction<String, Trade, Candle> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<Candle> FOR_CONSOLIDATION =
            new OutputTag<>("for-consolidation") {};
    public static final OutputTag<DeadLetter> LATE = new OutputTag<>("late-trades") {};
    public static final OutputTag<OutlierEvent> OUTLIERS = new OutputTag<>("fat-fingers") {};

    private final CandleSettings settings;
    private final FatFingerSettings fatFinger;
    private final CandleInterval base;

    private transient MapState<Long, CandleAccumulator> windows;
    private transient MapState<Long, CandleAccumulator> eligible;
    private transient MapState<Long, Integer> revisions;
    private transient MapState<String, Long> seen;
    private transient ValueState<FatFingerWindow> recent;
    private transient ValueState<Boolean> liveScheduled;
    private transient ValueState<Long> seenPurgeDue;
    private transient Counter duplicates;
    private transient Counter late;

    public VenueCandleBuilder(CandleSettings settings, FatFingerSettings fatFinger) {
        this.settings = settings;
        this.fatFinger = fatFinger;
        this.base = settings.base();
    }

    @Override
    public void open(OpenContext openContext) {
        TypeInformation<CandleAccumulator> acc = TypeInformation.of(CandleAccumulator.class);
        windows =
                getRuntimeContext()
                        .getMapState(new MapStateDescriptor<>("windows", Types.LONG, acc));
        eligible =
                getRuntimeContext()
                        .getMapState(new MapStateDescriptor<>("eligible", Types.LONG, acc));
        revisions =
                getRuntimeContext()
                        .getMapState(new MapStateDescriptor<>("revisions", Types.LONG, Types.INT));
        seen =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "seen-trade-ids", Types.STRING, Types.LONG));
        recent =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "fat-finger-window",
                                        TypeInformation.of(FatFingerWindow.class)));
        liveScheduled =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("live-scheduled", Types.BOOLEAN));
        seenPurgeDue =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("seen-purge-due", Types.LONG));
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicateTradesDropped");
        late = getRuntimeContext().getMetricGroup().counter("lateTrades");
    }

    @Override
    public void processElement(Trade t, Context ctx, Collector<Candle> out) throws Exception {
        long open = base.openTimeMicros(t.eventTimeMicros());
        long endMillis = (open + base.lengthMicros()) / 1000L;
        if (endMillis - 1 + settings.latenessMillis() <= ctx.timerService().currentWatermark()) {
            late.inc();
            ctx.output(LATE, LateTrades.deadLetter(t));
            return;
        }
        if (seen.contains(t.tradeId())) {
            duplicates.inc();
            return;
        }
        seen.put(t.tradeId(), open);
        boolean flagged = isFatFinger(t, ctx);
        if (flagged && !fatFinger.keepInVenueCandle()) {
            return;
        }
        add(open, t, flagged);
        Integer revision = revisions.get(open);
        if (revision != null) {
            revisions.put(open, revision + 1);
            emit(open, true, revision + 1, ctx, out);
            return;
        }
        ctx.timerService().registerEventTimeTimer(endMillis - 1 + settings.latenessMillis());
        if (endMillis - 1 <= ctx.timerService().currentWatermark()) {
            // The window's first trade came after its end, within the lateness: final at once.
            revisions.put(open, 0);
            emit(open, true, 0, ctx, out);
            return;
        }
        ctx.timerService().registerEventTimeTimer(endMillis - 1);
        if (settings.liveEnabled() && liveScheduled.value() == null) {
            liveScheduled.update(true);
            long now = ctx.timerService().currentProcessingTime();
            ctx.timerService()
                    .registerProcessingTimeTimer(now + settings.liveInterval().toMillis());
        }
    }

    private void add(long open, Trade t, boolean flagged) throws Exception {
        CandleAccumulator all = windows.get(open);
        if (all == null) {
            all = new CandleAccumulator();
        }
        CandleAccumulator clean = eligible.get(open);
        if (flagged && clean == null) {
            // From now on this window's consolidated view differs from the venue's own.
            clean = all.copy();
        }
        CandleAggregate.addTo(all, t);
        windows.put(open, all);
        if (clean != null) {
            if (!flagged) {
                CandleAggregate.addTo(clean, t);
            }
            eligible.put(open, clean);
        }
    }

    private boolean isFatFinger(Trade t, Context ctx) throws Exception {
        FatFingerWindow w = recent.value();
        if (w == null) {
            w = FatFingerWindow.withCapacity(fatFinger.window());
        }
        double price = t.price().doubleValue();
        boolean flagged = false;
        if (w.size >= fatFinger.minSamples()) {
            double median = w.median();
            double bps = (price - median) / median * 10_000d;
            if (Math.abs(bps) > fatFinger.bandBps()) {
                flagged = true;
                ctx.output(OUTLIERS, Outliers.fatFinger(t, median, bps, fatFinger.bandBps()));
            }
        }
        if (!flagged) {
            w.add(price);
            recent.update(w);
        }
        return flagged;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Candle> out)
            throws Exception {
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            liveScheduled.clear();
            for (Map.Entry<Long, CandleAccumulator> e : windows.entries()) {
                if (!revisions.contains(e.getKey())) {
                    emit(e.getKey(), false, 0, ctx, out);
                }
            }
            return;
        }
        List<Long> closing = new ArrayList<>();
        for (Long open : windows.keys()) {
            long endMillis = (open + base.lengthMicros()) / 1000L;
            if (endMillis - 1 <= timestamp && !revisions.contains(open)) {
                closing.add(open);
            }
        }
        closing.sort(null);
        for (Long open : closing) {
            revisions.put(open, 0);
            emit(open, true, 0, ctx, out);
        }
        purge(timestamp);
    }

    private void emit(long open, boolean isFinal, int revision, Context ctx, Collector<Candle> out)
            throws Exception {
        CandleAccumulator all = windows.get(open);
        Candle candle = Candles.of(all, base, open, isFinal, revision);
        out.collect(candle);
        CandleAccumulator clean = eligible.get(open);
        if (clean == null) {
            ctx.output(FOR_CONSOLIDATION, candle);
        } else if (!clean.isEmpty()) {
            ctx.output(FOR_CONSOLIDATION, Candles.of(clean, base, open, isFinal, revision));
        }
    }

    /**
     * Forgets windows no trade can revise any more, and their trade ids. The ids (every trade of
     * the last lateness) are swept at most once per lateness, not on every timer: a sweep walks all
     * of them, and an id kept a little longer only costs memory (a trade that old is late anyway).
     */
    private void purge(long watermark) throws Exception {
        for (Iterator<Long> it = windows.keys().iterator(); it.hasNext(); ) {
            long open = it.next();
            if (expired(open, watermark)) {
                it.remove();
                eligible.remove(open);
                revisions.remove(open);
            }
        }
        Long due = seenPurgeDue.value();
        if (due != null && watermark < due) {
            return;
        }
        for (Iterator<Map.Entry<String, Long>> it = seen.iterator(); it.hasNext(); ) {
            if (expired(it.next().getValue(), watermark)) {
                it.remove();
            }
        }
        long every = Math.max(settings.latenessMillis(), base.lengthMicros() / 1000L);
        seenPurgeDue.update(
                watermark > Long.MAX_VALUE - every ? Long.MAX_VALUE : watermark + every);
    }

    private boolean expired(long open, long watermark) {
        long endMillis = (open + base.lengthMicros()) / 1000L;
        return endMillis - 1 + settings.latenessMillis() <= watermark;
    }
}
