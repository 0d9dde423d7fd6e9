package dev.candleflow.job.candles;

import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import java.math.BigDecimal;
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
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Derives every larger interval from the one below it, for one source's instrument (a venue's, or
 * the consolidated market's). Each level keeps the latest candle of every window inside its open
 * windows, so a revised smaller candle replaces its predecessor and is never counted twice. A
 * level's candle becomes final when the watermark passes its window, is revised when a final child
 * changes after that, and is sent live while open. Empty windows of the configured intervals are
 * forward-filled with the previous close.
 */
public final class CandleCascade extends KeyedProcessFunction<String, Candle, Candle> {

    private static final long serialVersionUID = 1L;

    private final CandleSettings settings;
    private final List<CandleInterval> levels;

    /** Per level L >= 1: the latest candle of each level L-1 window still in an open window. */
    private transient List<MapState<Long, Candle>> children;

    /** Per level L >= 1: the last final revision emitted per window. */
    private transient List<MapState<Long, Integer>> revisions;

    /** Per level L >= 1: the close of its newest final candle, for filling. */
    private transient List<ValueState<BigDecimal>> lastClose;

    private transient ValueState<Candle> template;

    private transient Counter lateCandles;

    public CandleCascade(CandleSettings settings) {
        this.settings = settings;
        this.levels = settings.intervals();
    }

    @Override
    public void open(OpenContext openContext) {
        TypeInformation<Candle> candle = TypeInformation.of(Candle.class);
        children = new ArrayList<>();
        revisions = new ArrayList<>();
        lastClose = new ArrayList<>();
        for (CandleInterval level : levels) {
            String l = level.label();
            children.add(
                    getRuntimeContext()
                            .getMapState(
                                    new MapStateDescriptor<>("children-" + l, Types.LONG, candle)));
            revisions.add(
                    getRuntimeContext()
                            .getMapState(
                                    new MapStateDescriptor<>(
                                            "revisions-" + l, Types.LONG, Types.INT)));
            lastClose.add(
                    getRuntimeContext()
                            .getState(
                                    new ValueStateDescriptor<>("last-close-" + l, Types.BIG_DEC)));
        }
        template = getRuntimeContext().getState(new ValueStateDescriptor<>("template", candle));
        lateCandles = getRuntimeContext().getMetricGroup().counter("lateCandles");
    }

    @Override
    public void processElement(Candle base, Context ctx, Collector<Candle> out) throws Exception {
        if (template.value() == null) {
            template.update(base);
        }
        propagate(base, 1, ctx.timerService().currentWatermark(), ctx, out);
    }

    /**
     * A level L-1 candle changed: update its level L window and pass any change upwards.
     *
     * @param now the event time this happens at: the watermark for an input candle, the timer's
     *     time for one closed by a timer (the watermark may already be far past it)
     */
    private void propagate(Candle child, int level, long now, Context ctx, Collector<Candle> out)
            throws Exception {
        if (level >= levels.size() || child.tradeCount() == 0) {
            return;
        }
        CandleInterval interval = levels.get(level);
        long open = interval.openTimeMicros(child.openTimeMicros());
        long endMillis = endMillis(interval, open);
        if (endMillis - 1 + settings.latenessMillis() <= now) {
            // Past the lateness its window may have been emitted and forgotten: a candle of this
            // child alone would replace the whole one. (It came from an input that was idle while
            // the watermark moved on.)
            lateCandles.inc();
            return;
        }
        children.get(level).put(child.openTimeMicros(), child);
        ctx.timerService().registerEventTimeTimer(endMillis - 1);
        ctx.timerService().registerEventTimeTimer(endMillis - 1 + settings.latenessMillis());
        Integer revision = revisions.get(level).get(open);
        if (child.isFinal() && revision == null && endMillis - 1 <= now) {
            // A late child of a window that closed empty (and unfilled): final at once.
            revisions.get(level).put(open, 0);
            Candle closed = combine(level, open, true, 0);
            lastClose.get(level).update(closed.close());
            out.collect(closed);
            propagate(closed, level + 1, now, ctx, out);
        } else if (child.isFinal() && revision != null) {
            revisions.get(level).put(open, revision + 1);
            Candle revised = combine(level, open, true, revision + 1);
            out.collect(revised);
            propagate(revised, level + 1, now, ctx, out);
        } else if (!child.isFinal() && revision == null && settings.liveEnabled()) {
            Candle live = combine(level, open, false, 0);
            out.collect(live);
            propagate(live, level + 1, now, ctx, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Candle> out)
            throws Exception {
        long micros = (timestamp + 1) * 1000L;
        for (int level = 1; level < levels.size(); level++) {
            CandleInterval interval = levels.get(level);
            if (micros % interval.lengthMicros() == 0) {
                close(level, micros - interval.lengthMicros(), timestamp, ctx, out);
            }
            purge(level, timestamp);
        }
    }

    /** The watermark passed the end of a level's window: emit it final (or filled). */
    private void close(
            int level, long open, long watermark, OnTimerContext ctx, Collector<Candle> out)
            throws Exception {
        if (revisions.get(level).contains(open)) {
            return;
        }
        CandleInterval interval = levels.get(level);
        boolean hasChildren = !childrenOf(level, open).isEmpty();
        Candle candle = null;
        if (hasChildren) {
            candle = combine(level, open, true, 0);
        } else if (settings.filled().contains(interval) && lastClose.get(level).value() != null) {
            Candle t = template.value();
            candle =
                    Candles.filled(
                            t.venue(),
                            t.instrument(),
                            interval,
                            open,
                            lastClose.get(level).value());
        }
        if (candle != null) {
            revisions.get(level).put(open, 0);
            lastClose.get(level).update(candle.close());
            out.collect(candle);
            propagate(candle, level + 1, watermark, ctx, out);
        }
        if (settings.filled().contains(interval)
                && lastClose.get(level).value() != null
                && ctx.timerService().currentWatermark() < Long.MAX_VALUE) {
            // (Not at the end of input: under the final watermark each filled window's timer
            // would fire at once and schedule the next, forever.)
            // Keep a timer at every boundary, so an empty window is noticed (and filled) too.
            ctx.timerService()
                    .registerEventTimeTimer(
                            endMillis(interval, open + interval.lengthMicros()) - 1);
        }
    }

    private Candle combine(int level, long open, boolean isFinal, int revision) throws Exception {
        return Candles.combine(childrenOf(level, open), levels.get(level), open, isFinal, revision);
    }

    private List<Candle> childrenOf(int level, long open) throws Exception {
        long end = open + levels.get(level).lengthMicros();
        List<Candle> kids = new ArrayList<>();
        for (Map.Entry<Long, Candle> e : children.get(level).entries()) {
            if (e.getKey() >= open && e.getKey() < end && e.getValue().tradeCount() > 0) {
                kids.add(e.getValue());
            }
        }
        return kids;
    }

    /** Forgets windows of a level that no late trade can revise any more. */
    private void purge(int level, long watermark) throws Exception {
        CandleInterval interval = levels.get(level);
        for (Iterator<Long> it = children.get(level).keys().iterator(); it.hasNext(); ) {
            long parent = interval.openTimeMicros(it.next());
            if (endMillis(interval, parent) - 1 + settings.latenessMillis() <= watermark) {
                it.remove();
            }
        }
        for (Iterator<Long> it = revisions.get(level).keys().iterator(); it.hasNext(); ) {
            if (endMillis(interval, it.next()) - 1 + settings.latenessMillis() <= watermark) {
                it.remove();
            }
        }
    }

    private static long endMillis(CandleInterval interval, long openMicros) {
        return (openMicros + interval.lengthMicros()) / 1000L;
    }
}
