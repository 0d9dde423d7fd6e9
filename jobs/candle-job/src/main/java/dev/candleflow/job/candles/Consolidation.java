package dev.candleflow.job.candles;

import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.OutlierEvent;
import dev.candleflow.model.Venue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Builds the consolidated market's smallest-interval candles of one symbol (keyed by the
 * consolidated symbol) from the venues' candles: when the watermark passes a window, it decides
 * which venues are stale or off the market ({@link VenueDecisions}), emits the candle of the others
 * and every decision on {@link #OUTLIERS}. A late venue revision re-emits the window with the same
 * venues and the next revision; open windows are sent live from the current decisions.
 */
public final class Consolidation extends KeyedProcessFunction<String, Candle, Candle> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<OutlierEvent> OUTLIERS = new OutputTag<>("venue-outliers") {};

    private final CandleSettings candleSettings;
    private final ConsolidationSettings settings;
    private final CandleInterval base;

    private transient MapState<String, Candle> candles;
    private transient MapState<String, VenueStatus> statuses;
    private transient MapState<Long, WindowDecision> decisions;
    private transient VenueDecisions rules;
    private transient Counter lateCandles;

    public Consolidation(CandleSettings candleSettings, ConsolidationSettings settings) {
        this.candleSettings = candleSettings;
        this.settings = settings;
        this.base = candleSettings.base();
    }

    @Override
    public void open(OpenContext openContext) {
        candles =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "venue-candles",
                                        Types.STRING,
                                        TypeInformation.of(Candle.class)));
        statuses =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "venue-status",
                                        Types.STRING,
                                        TypeInformation.of(VenueStatus.class)));
        decisions =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "decisions",
                                        Types.LONG,
                                        TypeInformation.of(WindowDecision.class)));
        rules = new VenueDecisions(settings);
        lateCandles = getRuntimeContext().getMetricGroup().counter("lateCandles");
    }

    @Override
    public void processElement(Candle c, Context ctx, Collector<Candle> out) throws Exception {
        long open = c.openTimeMicros();
        long endMillis = (open + base.lengthMicros()) / 1000L;
        if (endMillis - 1 + candleSettings.latenessMillis()
                <= ctx.timerService().currentWatermark()) {
            // Past the lateness the window's decision may be forgotten: deciding it again from
            // this venue alone would replace the consolidated candle of all venues. (It came from
            // an input that was idle while the watermark moved on.)
            lateCandles.inc();
            return;
        }
        candles.put(open + "|" + c.source(), c);
        ctx.timerService().registerEventTimeTimer(endMillis - 1);
        ctx.timerService().registerEventTimeTimer(endMillis - 1 + candleSettings.latenessMillis());
        WindowDecision decided = decisions.get(open);
        InstrumentId id = InstrumentId.parse(ctx.getCurrentKey());
        if (c.isFinal() && decided != null) {
            // A venue's first trades in the window may arrive late: they count unless the venue
            // was excluded when the window was decided.
            java.util.Set<String> excludedThen = java.util.Set.of(decided.excluded.split(","));
            List<Candle> included = new ArrayList<>();
            for (Map.Entry<Venue, Candle> e : window(open).entrySet()) {
                if (!excludedThen.contains(e.getKey().id())) {
                    included.add(e.getValue());
                }
            }
            decided.included = String.join(",", included.stream().map(Candle::source).toList());
            if (!included.isEmpty()) {
                decided.revision++;
                decisions.put(open, decided);
                out.collect(
                        Candles.consolidate(
                                included, id, open, decided.excluded, true, decided.revision));
            }
        } else if (!c.isFinal() && decided == null && candleSettings.liveEnabled()) {
            List<Candle> live = new ArrayList<>();
            for (Map.Entry<Venue, Candle> e : window(open).entrySet()) {
                VenueStatus s = statuses.get(e.getKey().id());
                if (s == null || !s.excluded()) {
                    live.add(e.getValue());
                }
            }
            if (!live.isEmpty()) {
                out.collect(Candles.consolidate(live, id, open, excludedNow(), false, 0));
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Candle> out)
            throws Exception {
        long micros = (timestamp + 1) * 1000L;
        if (micros % base.lengthMicros() == 0) {
            decide(micros - base.lengthMicros(), ctx, out);
        }
        purge(timestamp);
    }

    private void decide(long open, OnTimerContext ctx, Collector<Candle> out) throws Exception {
        if (decisions.contains(open)) {
            return;
        }
        InstrumentId id = InstrumentId.parse(ctx.getCurrentKey());
        Map<Venue, Candle> window = window(open);
        Map<Venue, VenueStatus> all = new EnumMap<>(Venue.class);
        for (Map.Entry<String, VenueStatus> e : statuses.entries()) {
            all.put(Venue.fromId(e.getKey()), e.getValue());
        }
        List<Venue> included =
                rules.decide(
                        id,
                        open,
                        open + base.lengthMicros(),
                        window,
                        all,
                        event -> ctx.output(OUTLIERS, event));
        for (Map.Entry<Venue, VenueStatus> e : all.entrySet()) {
            statuses.put(e.getKey().id(), e.getValue());
        }
        String excluded = excludedNow();
        decisions.put(
                open,
                new WindowDecision(
                        String.join(",", included.stream().map(Venue::id).toList()), excluded, 0));
        if (!included.isEmpty()) {
            List<Candle> feeding = included.stream().map(window::get).toList();
            out.collect(Candles.consolidate(feeding, id, open, excluded, true, 0));
        }
    }

    private Map<Venue, Candle> window(long open) throws Exception {
        Map<Venue, Candle> window = new EnumMap<>(Venue.class);
        String prefix = open + "|";
        for (Map.Entry<String, Candle> e : candles.entries()) {
            if (e.getKey().startsWith(prefix) && e.getValue().tradeCount() > 0) {
                window.put(e.getValue().venue(), e.getValue());
            }
        }
        return window;
    }

    private String excludedNow() throws Exception {
        List<String> excluded = new ArrayList<>();
        for (Map.Entry<String, VenueStatus> e : statuses.entries()) {
            if (e.getValue().excluded()) {
                excluded.add(e.getKey());
            }
        }
        excluded.sort(null);
        return String.join(",", excluded);
    }

    private void purge(long watermark) throws Exception {
        long horizon = watermark - candleSettings.latenessMillis();
        for (Iterator<Map.Entry<String, Candle>> it = candles.iterator(); it.hasNext(); ) {
            long open = it.next().getValue().openTimeMicros();
            if ((open + base.lengthMicros()) / 1000L - 1 <= horizon) {
                it.remove();
            }
        }
        for (Iterator<Long> it = decisions.keys().iterator(); it.hasNext(); ) {
            if ((it.next() + base.lengthMicros()) / 1000L - 1 <= horizon) {
                it.remove();
            }
        }
    }
}
