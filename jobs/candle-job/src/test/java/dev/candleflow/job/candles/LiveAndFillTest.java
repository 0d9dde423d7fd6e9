package dev.candleflow.job.candles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.job.config.QuoteGroups;
import dev.candleflow.job.testutils.OperatorChain;
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
import org.junit.jupiter.api.Test;

/** Live updates of open windows, throttled per key, and forward-filled empty windows. */
class LiveAndFillTest {

    static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");
    static final long START = 1_700_000_040_000_000L; // a minute boundary

    @Test
    void openWindowsGoLiveAtMostOncePerIntervalAndOnlyWhenChanged() throws Exception {
        CandleSettings settings =
                new CandleSettings(
                        List.of(CandleInterval.S1, CandleInterval.M1),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(250),
                        Set.of());
        try (OperatorChain chain = chain(settings)) {
            chain.processingTime(1_000);
            for (int i = 0; i < 10; i++) {
                chain.trade(trade(i, START + i * 10_000L, "100.0" + i));
            }
            assertThat(live(chain)).isEmpty(); // nothing before the throttle interval passes
            chain.processingTime(1_250);
            List<Candle> first = live(chain);
            assertThat(first)
                    .extracting(Candle::source, Candle::interval)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("binance", CandleInterval.S1),
                            org.assertj.core.groups.Tuple.tuple("binance", CandleInterval.M1),
                            org.assertj.core.groups.Tuple.tuple("consolidated", CandleInterval.S1),
                            org.assertj.core.groups.Tuple.tuple("consolidated", CandleInterval.M1));
            assertThat(first)
                    .allMatch(
                            c ->
                                    c.tradeCount() == 10
                                            && c.close().compareTo(new BigDecimal("100.09")) == 0);
            chain.candles.clear();
            chain.processingTime(1_500);
            assertThat(live(chain)).as("no new trades, no update").isEmpty();
            chain.trade(trade(10, START + 200_000L, "99.5"));
            chain.processingTime(1_750);
            assertThat(live(chain))
                    .hasSize(4)
                    .allMatch(
                            c ->
                                    c.tradeCount() == 11
                                            && c.low().compareTo(new BigDecimal("99.5")) == 0);
            chain.candles.clear();
            chain.watermark(START / 1000 + 999);
            assertThat(chain.candles)
                    .filteredOn(c -> c.interval() == CandleInterval.S1)
                    .hasSize(2)
                    .allMatch(Candle::isFinal);
        }
    }

    @Test
    void emptyMinutesAreFilledWithThePreviousCloseAndRevisedByLateTrades() throws Exception {
        CandleSettings settings =
                new CandleSettings(
                        List.of(CandleInterval.S1, CandleInterval.M1),
                        Duration.ofSeconds(30),
                        Duration.ZERO,
                        Set.of(CandleInterval.M1));
        try (OperatorChain chain = chain(settings)) {
            chain.trade(trade(0, START + 1_000_000L, "100"));
            chain.trade(trade(1, START + 50_000_000L, "101"));
            chain.trade(trade(2, START + 125_000_000L, "103")); // minute 2; minute 1 stays empty
            chain.watermark(START / 1000 + 121_000);
            List<Candle> minutes = finals(chain, CandleInterval.M1);
            assertThat(minutes)
                    .extracting(Candle::openTimeMicros)
                    .containsExactly(START, START + 60_000_000L);
            Candle filled = minutes.get(1);
            assertThat(List.of(filled.open(), filled.high(), filled.low(), filled.close()))
                    .allMatch(p -> p.compareTo(new BigDecimal("101")) == 0);
            assertThat(filled.volume().signum()).isZero();
            assertThat(filled.tradeCount()).isZero();
            assertThat(filled.revision()).isZero();
            assertThat(finals(chain, CandleInterval.S1))
                    .noneMatch(c -> c.tradeCount() == 0); // 1s never filled

            // A trade for the empty minute, within the lateness: the fill is revised into a real
            // candle.
            chain.trade(trade(3, START + 95_000_000L, "102"));
            Candle revised =
                    finals(chain, CandleInterval.M1).stream()
                            .filter(
                                    c ->
                                            c.source().equals("binance")
                                                    && c.openTimeMicros() == START + 60_000_000L)
                            .reduce((a, b) -> b)
                            .orElseThrow();
            assertThat(revised.revision()).isEqualTo(1);
            assertThat(revised.tradeCount()).isEqualTo(1);
            assertThat(revised.close()).isEqualByComparingTo("102");
        }
    }

    static OperatorChain chain(CandleSettings s) throws Exception {
        return new OperatorChain(
                s,
                new FatFingerSettings(1e9, 25, 10, false),
                new ConsolidationSettings(6, 10, 3, Duration.ofHours(1)),
                QuoteGroups.NONE);
    }

    static List<Candle> live(OperatorChain chain) {
        return chain.candles.stream().filter(c -> !c.isFinal()).toList();
    }

    static List<Candle> finals(OperatorChain chain, CandleInterval interval) {
        return chain.candles.stream()
                .filter(
                        c ->
                                c.isFinal()
                                        && c.interval() == interval
                                        && c.source().equals("binance"))
                .toList();
    }

    static Trade trade(long id, long time, String price) {
        return new Trade(
                Venue.BINANCE,
                BTC,
                time,
                time,
                id,
                new BigDecimal(price),
                BigDecimal.ONE,
                Side.SELL,
                Long.toString(id));
    }
}
