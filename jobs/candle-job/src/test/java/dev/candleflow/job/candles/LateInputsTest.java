package dev.candleflow.job.candles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.job.testutils.CandleReference;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Candles that reach the cascade or the consolidation after the watermark passed their window's
 * lateness, as happens when an input was idle while another moved the watermark on: the window was
 * emitted and forgotten, so they are dropped and counted, never emitted as a candle of their own
 * that would replace the whole one. And a watermark that jumps far ahead closes each larger window
 * once, complete.
 */
class LateInputsTest {

    static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");
    static final long START_MILLIS = 1_700_000_100_000L; // a 5-minute boundary
    static final CandleSettings SETTINGS =
            new CandleSettings(
                    List.of(CandleInterval.S1, CandleInterval.M1, CandleInterval.M5),
                    Duration.ofSeconds(5),
                    Duration.ZERO,
                    Set.of());

    @Test
    void aWatermarkJumpClosesEachLargerWindowOnceAndLateChildrenAreDropped() throws Exception {
        try (var cascade = cascade()) {
            cascade.processElement(second(Venue.BINANCE, 1, "100"));
            cascade.processElement(second(Venue.BINANCE, 61, "101"));
            cascade.processWatermark(START_MILLIS + 1_000_000L);

            List<Candle> fiveMinutes = finals(cascade, CandleInterval.M5);
            assertThat(fiveMinutes)
                    .as("one final 5m candle with both minutes, not one per minute closed")
                    .singleElement()
                    .satisfies(c -> assertThat(c.tradeCount()).isEqualTo(2))
                    .satisfies(c -> assertThat(c.revision()).isZero());
            assertThat(finals(cascade, CandleInterval.M1)).hasSize(2);

            int before = cascade.extractOutputValues().size();
            cascade.processElement(second(Venue.BINANCE, 2, "99"));
            assertThat(cascade.extractOutputValues())
                    .as("a child far past its minute's lateness changes nothing")
                    .hasSize(before);
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(
            value = 30,
            threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void theEndOfInputStopsForwardFilling() throws Exception {
        CandleSettings filled =
                new CandleSettings(
                        List.of(CandleInterval.S1, CandleInterval.M1),
                        Duration.ofSeconds(5),
                        Duration.ZERO,
                        Set.of(CandleInterval.M1));
        try (var cascade =
                new KeyedOneInputStreamOperatorTestHarness<String, Candle, Candle>(
                        new KeyedProcessOperator<>(new CandleCascade(filled)),
                        c -> c.source() + "|" + c.instrument(),
                        Types.STRING)) {
            cascade.open();
            cascade.processElement(second(Venue.BINANCE, 1, "100"));
            cascade.processWatermark(START_MILLIS + 180_000L);
            assertThat(finals(cascade, CandleInterval.M1))
                    .as("the minute and two filled ones")
                    .hasSize(3);
            cascade.processWatermark(Long.MAX_VALUE);
            assertThat(finals(cascade, CandleInterval.M1))
                    .as("the final watermark fills what was due, not every minute to the end")
                    .hasSizeLessThan(10);
        }
    }

    @Test
    void aVenueCandleAfterTheDecisionWasForgottenDoesNotReplaceTheConsolidatedOne()
            throws Exception {
        try (var consolidation =
                new KeyedOneInputStreamOperatorTestHarness<String, Candle, Candle>(
                        new KeyedProcessOperator<>(
                                new Consolidation(
                                        SETTINGS,
                                        new ConsolidationSettings(6, 10, 3, Duration.ofHours(1)))),
                        c -> c.instrument().toString(),
                        Types.STRING)) {
            consolidation.open();
            consolidation.processElement(second(Venue.BINANCE, 1, "100"));
            consolidation.processElement(second(Venue.OKX, 1, "100.01"));
            consolidation.processWatermark(START_MILLIS + 3_000L);
            List<Candle> decided = consolidation.extractOutputValues();
            assertThat(decided)
                    .singleElement()
                    .satisfies(c -> assertThat(c.tradeCount()).isEqualTo(2));

            consolidation.processWatermark(START_MILLIS + 60_000L); // decision forgotten
            consolidation.processElement(second(Venue.COINBASE, 1, "100.02"));
            consolidation.processWatermark(START_MILLIS + 61_000L);
            assertThat(consolidation.extractOutputValues())
                    .as("no consolidated candle of the late venue alone")
                    .isEqualTo(decided);
        }
    }

    @Test
    void theTradeIdsKeptForDedupeStayBoundedAsTimePasses() throws Exception {
        try (var builder =
                new KeyedOneInputStreamOperatorTestHarness<String, Trade, Candle>(
                        new KeyedProcessOperator<>(
                                new VenueCandleBuilder(
                                        SETTINGS, new FatFingerSettings(500, 50, 20, false))),
                        t -> t.venue().id() + "|" + t.instrument(),
                        Types.STRING)) {
            builder.open();
            List<Integer> entries = new java.util.ArrayList<>();
            for (int s = 0; s < 120; s++) {
                for (int i = 0; i < 50; i++) {
                    long micros = (START_MILLIS + s * 1_000L + i * 20L) * 1000L;
                    long id = s * 50L + i;
                    Trade t =
                            new Trade(
                                    Venue.BINANCE,
                                    BTC,
                                    micros,
                                    micros,
                                    id,
                                    new BigDecimal("100"),
                                    BigDecimal.ONE,
                                    Side.BUY,
                                    Long.toString(id));
                    builder.processElement(t, micros / 1000L);
                }
                builder.processWatermark(START_MILLIS + s * 1_000L);
                if (s == 39 || s == 79 || s == 119) {
                    entries.add(seenTradeIds(builder));
                }
            }
            // 6,000 trades went through; what is kept is about two latenesses of them (5 s each).
            assertThat(entries).allSatisfy(n -> assertThat(n).isBetween(100, 1_000));
            assertThat(entries.get(2)).as("not growing").isLessThanOrEqualTo(entries.get(0) + 300);
        }
    }

    /** How many trade ids the builder keeps for dedupe (its {@code seen-trade-ids} state). */
    private static int seenTradeIds(KeyedOneInputStreamOperatorTestHarness<String, Trade, Candle> h)
            throws Exception {
        var backend =
                ((org.apache.flink.streaming.api.operators.AbstractStreamOperator<?>)
                                h.getOperator())
                        .getKeyedStateBackend();
        backend.setCurrentKey("binance|" + BTC);
        org.apache.flink.api.common.state.MapState<String, Long> seen =
                backend.getPartitionedState(
                        org.apache.flink.runtime.state.VoidNamespace.INSTANCE,
                        org.apache.flink.runtime.state.VoidNamespaceSerializer.INSTANCE,
                        new org.apache.flink.api.common.state.MapStateDescriptor<>(
                                "seen-trade-ids", Types.STRING, Types.LONG));
        int n = 0;
        for (String ignored : seen.keys()) {
            n++;
        }
        return n;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Candle, Candle> cascade()
            throws Exception {
        var h =
                new KeyedOneInputStreamOperatorTestHarness<String, Candle, Candle>(
                        new KeyedProcessOperator<>(new CandleCascade(SETTINGS)),
                        c -> c.source() + "|" + c.instrument(),
                        Types.STRING);
        h.open();
        return h;
    }

    private static List<Candle> finals(
            KeyedOneInputStreamOperatorTestHarness<String, Candle, Candle> h,
            CandleInterval interval) {
        return h.extractOutputValues().stream()
                .filter(c -> c.isFinal() && c.interval() == interval)
                .toList();
    }

    /** The final 1s candle of one trade {@code second}s after the start, as a record. */
    private static StreamRecord<Candle> second(Venue venue, int second, String price) {
        long micros = (START_MILLIS + second * 1_000L + 100) * 1000L;
        Trade t =
                new Trade(
                        venue,
                        BTC,
                        micros,
                        micros,
                        second,
                        new BigDecimal(price),
                        BigDecimal.ONE,
                        Side.BUY,
                        Long.toString(second));
        Candle c = CandleReference.candles(List.of(t), CandleInterval.S1).get(0);
        return new StreamRecord<>(c, c.openTimeMicros() / 1000L);
    }
}
