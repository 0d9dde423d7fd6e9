package dev.candleflow.job.testutils;

import dev.candleflow.job.candles.CandleCascade;
import dev.candleflow.job.candles.CandleSettings;
import dev.candleflow.job.candles.Consolidation;
import dev.candleflow.job.candles.ConsolidationSettings;
import dev.candleflow.job.candles.FatFingerSettings;
import dev.candleflow.job.candles.VenueCandleBuilder;
import dev.candleflow.job.config.QuoteGroups;
import dev.candleflow.model.Candle;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.OutlierEvent;
import dev.candleflow.model.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/**
 * The job's candle operators wired as in CandleJob, on Flink's keyed test harnesses: venue builder,
 * venue cascade, consolidation, consolidated cascade. Each step's output (records, then the
 * watermark) is handed on in order, so a test controls exactly when the watermark moves.
 */
public final class OperatorChain implements AutoCloseable {

    private final KeyedOneInputStreamOperatorTestHarness<String, Trade, Candle> builder;
    private final KeyedOneInputStreamOperatorTestHarness<String, Candle, Candle> venueCascade;
    private final KeyedOneInputStreamOperatorTestHarness<String, Candle, Candle> consolidation;
    private final KeyedOneInputStreamOperatorTestHarness<String, Candle, Candle>
            consolidatedCascade;

    public final List<Candle> candles = new ArrayList<>();
    public final List<OutlierEvent> outliers = new ArrayList<>();
    public final List<DeadLetter> deadLetters = new ArrayList<>();
    private long watermark = Long.MIN_VALUE;

    public OperatorChain(
            CandleSettings candles,
            FatFingerSettings fatFinger,
            ConsolidationSettings rules,
            QuoteGroups groups)
            throws Exception {
        builder =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new VenueCandleBuilder(candles, fatFinger)),
                        t -> t.venue().id() + "|" + t.instrument(),
                        Types.STRING);
        venueCascade = cascade(candles);
        consolidation =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new Consolidation(candles, rules)),
                        c -> groups.marketOf(c.instrument()),
                        Types.STRING);
        consolidatedCascade = cascade(candles);
        for (var h : List.of(builder, venueCascade, consolidation, consolidatedCascade)) {
            h.open();
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Candle, Candle> cascade(
            CandleSettings s) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CandleCascade(s)),
                c -> c.source() + "|" + c.instrument(),
                Types.STRING);
    }

    public long watermark() {
        return watermark;
    }

    public void trade(Trade t) throws Exception {
        builder.processElement(t, t.eventTimeMillis());
        drain();
    }

    /** Moves every operator's processing-time clock (live updates are throttled by it). */
    public void processingTime(long millis) throws Exception {
        builder.setProcessingTime(millis);
        drain();
        for (var h : List.of(venueCascade, consolidation, consolidatedCascade)) {
            h.setProcessingTime(millis);
        }
        drain();
    }

    public void watermark(long wm) throws Exception {
        watermark = wm;
        builder.processWatermark(new Watermark(wm));
        drain();
    }

    /** Hands every harness's new output to the next ones, records before watermarks. */
    private void drain() throws Exception {
        List<Object> venue = take(builder.getOutput());
        List<Object> forConsolidation = sideRecords(builder, VenueCandleBuilder.FOR_CONSOLIDATION);
        deadLetters.addAll(side(builder, VenueCandleBuilder.LATE));
        outliers.addAll(side(builder, VenueCandleBuilder.OUTLIERS));
        Watermark wm = collect(venue);
        feed(venueCascade, venue, wm);
        collect(take(venueCascade.getOutput()));
        feed(consolidation, forConsolidation, wm);
        List<Object> consolidated = take(consolidation.getOutput());
        outliers.addAll(side(consolidation, Consolidation.OUTLIERS));
        collect(consolidated);
        feed(consolidatedCascade, consolidated, wm);
        collect(take(consolidatedCascade.getOutput()));
    }

    private static void feed(
            KeyedOneInputStreamOperatorTestHarness<String, Candle, Candle> h,
            List<Object> records,
            Watermark wm)
            throws Exception {
        for (Object o : records) {
            if (o instanceof StreamRecord<?> r) {
                @SuppressWarnings("unchecked")
                StreamRecord<Candle> c = (StreamRecord<Candle>) r;
                h.processElement(c.getValue(), c.getTimestamp());
            }
        }
        if (wm != null) {
            h.processWatermark(wm);
        }
    }

    /** Adds the candles of an output to {@link #candles}; returns its last watermark, if any. */
    private Watermark collect(List<Object> output) {
        Watermark wm = null;
        for (Object o : output) {
            if (o instanceof StreamRecord<?> r) {
                candles.add((Candle) r.getValue());
            } else if (o instanceof Watermark w) {
                wm = w;
            }
        }
        return wm;
    }

    private static List<Object> take(Queue<Object> q) {
        List<Object> out = new ArrayList<>(q);
        q.clear();
        return out;
    }

    private static List<Object> sideRecords(
            KeyedOneInputStreamOperatorTestHarness<String, ?, ?> h, OutputTag<Candle> tag) {
        Queue<StreamRecord<Candle>> q = h.getSideOutput(tag);
        List<Object> out = new ArrayList<>();
        if (q != null) {
            out.addAll(q);
            q.clear();
        }
        return out;
    }

    private static <T> List<T> side(
            KeyedOneInputStreamOperatorTestHarness<String, ?, ?> h, OutputTag<T> tag) {
        Queue<StreamRecord<T>> q = h.getSideOutput(tag);
        List<T> out = new ArrayList<>();
        if (q != null) {
            q.forEach(r -> out.add(r.getValue()));
            q.clear();
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        for (var h : List.of(builder, venueCascade, consolidation, consolidatedCascade)) {
            h.close();
        }
    }
}
