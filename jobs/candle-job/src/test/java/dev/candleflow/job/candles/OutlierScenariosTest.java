package dev.candleflow.job.candles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.job.config.QuoteGroups;
import dev.candleflow.job.testutils.OperatorChain;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.OutlierEvent;
import dev.candleflow.model.OutlierEvent.OutlierAction;
import dev.candleflow.model.OutlierEvent.OutlierRule;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The outlier rules in the scenarios the product promises. */
class OutlierScenariosTest {

    static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");
    static final List<Venue> VENUES =
            List.of(Venue.BINANCE, Venue.OKX, Venue.COINBASE, Venue.KRAKEN);
    static final long START = 1_700_000_040_000_000L;
    static final CandleSettings CANDLES =
            new CandleSettings(
                    List.of(CandleInterval.S1, CandleInterval.M1),
                    Duration.ofSeconds(2),
                    Duration.ZERO,
                    Set.of());
    static final ConsolidationSettings RULES =
            new ConsolidationSettings(6, 10, 3, Duration.ofSeconds(30));

    private final Map<Venue, Long> ids = new HashMap<>();

    @Test
    void aVenueThreePercentOffIsExcludedAndReadmittedWhenItReturns() throws Exception {
        try (OperatorChain chain = chain(false)) {
            // seconds 0-19 together, 20-39 OKX 3 % high, 40-59 together again
            run(
                    chain,
                    60,
                    (second, venue) ->
                            venue == Venue.OKX && second >= 20 && second < 40 ? 1.03 : 1.0);
            List<OutlierEvent> okx =
                    chain.outliers.stream().filter(e -> e.venue() == Venue.OKX).toList();
            assertThat(okx).extracting(OutlierEvent::rule).containsOnly(OutlierRule.OFF_MARKET);
            assertThat(okx)
                    .extracting(OutlierEvent::action)
                    .containsExactly(OutlierAction.EXCLUDED, OutlierAction.READMITTED);
            assertThat(okx.get(0).timeMicros()).isEqualTo(START + 20_000_000L);
            assertThat(okx.get(0).deviationBps()).isBetween(250d, 350d);
            assertThat(okx.get(1).timeMicros()).isEqualTo(START + 40_000_000L);
            assertThat(chain.outliers).allMatch(e -> e.venue() == Venue.OKX);

            for (Candle c : consolidated(chain, CandleInterval.S1)) {
                long second = (c.openTimeMicros() - START) / 1_000_000L;
                boolean off = second >= 20 && second < 40;
                assertThat(c.includedVenues().contains("okx"))
                        .as("second %d", second)
                        .isEqualTo(!off);
                assertThat(c.excludedVenues()).isEqualTo(off ? "okx" : "");
                // Without OKX the consolidated price stays at the market's.
                assertThat(c.high().doubleValue()).isLessThan(30_000 * 1.01);
            }
            Candle minute = consolidated(chain, CandleInterval.M1).get(0);
            assertThat(minute.excludedVenues()).isEqualTo("okx");
            assertThat(minute.includedVenues()).isEqualTo("binance,coinbase,kraken,okx");
        }
    }

    @Test
    void venuesMovingTogetherFlagNothing() throws Exception {
        try (OperatorChain chain = chain(false)) {
            // the whole market rises 5 % over the minute, every venue with it
            run(chain, 60, (second, venue) -> 1.0 + second * 0.05 / 60);
            assertThat(chain.outliers).isEmpty();
            assertThat(consolidated(chain, CandleInterval.S1))
                    .hasSize(60)
                    .allMatch(c -> c.includedVenues().equals("binance,coinbase,kraken,okx"));
        }
    }

    @Test
    void anAbsurdPrintIsFlaggedAndLeftOutOfConsolidatedButKeptInItsVenueOnlyIfConfigured()
            throws Exception {
        for (boolean keep : new boolean[] {false, true}) {
            try (OperatorChain chain = chain(keep)) {
                run(chain, 10, (second, venue) -> 1.0);
                Trade absurd =
                        trade(Venue.BINANCE, START + 10_500_000L, new BigDecimal("300000.00"));
                chain.trade(absurd);
                run(chain, 20, (second, venue) -> 1.0, 10);
                assertThat(chain.outliers)
                        .singleElement()
                        .satisfies(
                                e -> {
                                    assertThat(e.rule()).isEqualTo(OutlierRule.FAT_FINGER);
                                    assertThat(e.tradeId()).isEqualTo(absurd.tradeId());
                                    assertThat(e.deviationBps()).isGreaterThan(80_000);
                                });
                Candle venueSecond = final1s(chain, "binance", START + 10_000_000L);
                Candle consolidatedSecond = final1s(chain, "consolidated", START + 10_000_000L);
                assertThat(consolidatedSecond.high().doubleValue()).isLessThan(30_010);
                assertThat(consolidatedSecond.tradeCount()).isEqualTo(2 * VENUES.size());
                if (keep) {
                    assertThat(venueSecond.high()).isEqualByComparingTo("300000.00");
                    assertThat(venueSecond.tradeCount()).isEqualTo(3);
                } else {
                    assertThat(venueSecond.high().doubleValue()).isLessThan(30_010);
                    assertThat(venueSecond.tradeCount()).isEqualTo(2);
                }
            }
        }
    }

    @Test
    void aSilentVenueIsExcludedAsStaleAndReadmittedWhenItTrades() throws Exception {
        try (OperatorChain chain = chain(false)) {
            run(
                    chain,
                    90,
                    (second, venue) ->
                            venue == Venue.KRAKEN && second >= 10 && second < 60 ? null : 1.0);
            List<OutlierEvent> kraken =
                    chain.outliers.stream().filter(e -> e.venue() == Venue.KRAKEN).toList();
            assertThat(kraken).extracting(OutlierEvent::rule).containsOnly(OutlierRule.STALE);
            assertThat(kraken)
                    .extracting(OutlierEvent::action)
                    .containsExactly(OutlierAction.EXCLUDED, OutlierAction.READMITTED);
            assertThat(kraken.get(1).timeMicros()).isEqualTo(START + 60_000_000L);
        }
    }

    // ---- helpers

    static OperatorChain chain(boolean keepFatFingers) throws Exception {
        return new OperatorChain(
                CANDLES,
                new FatFingerSettings(500, 25, 10, keepFatFingers),
                RULES,
                QuoteGroups.NONE);
    }

    private void run(OperatorChain chain, int seconds, BiFunction<Integer, Venue, Double> factor)
            throws Exception {
        run(chain, seconds, factor, 0);
    }

    /** Two trades per venue and second; factor null means the venue is silent that second. */
    private void run(
            OperatorChain chain, int seconds, BiFunction<Integer, Venue, Double> factor, int from)
            throws Exception {
        Random r = new Random(seconds);
        for (int s = from; s < from + seconds; s++) {
            for (int k = 0; k < 2; k++) {
                for (Venue v : VENUES) {
                    Double f = factor.apply(s, v);
                    if (f != null) {
                        long time =
                                START + s * 1_000_000L + k * 400_000L + VENUES.indexOf(v) * 1_000L;
                        double noise = 1 + (r.nextDouble() - 0.5) * 0.0002; // +-1 bp
                        chain.trade(
                                trade(
                                        v,
                                        time,
                                        BigDecimal.valueOf(
                                                Math.round(30_000 * f * noise * 100), 2)));
                    }
                }
            }
            chain.watermark((START + (s + 1) * 1_000_000L) / 1000L - 1);
        }
    }

    private Trade trade(Venue v, long time, BigDecimal price) {
        long id = ids.merge(v, 1L, Long::sum);
        return new Trade(
                v, BTC, time, time, id, price, new BigDecimal("0.01"), Side.BUY, Long.toString(id));
    }

    static List<Candle> consolidated(OperatorChain chain, CandleInterval interval) {
        return chain.candles.stream()
                .filter(c -> c.isConsolidated() && c.isFinal() && c.interval() == interval)
                .toList();
    }

    static Candle final1s(OperatorChain chain, String source, long open) {
        return chain.candles.stream()
                .filter(
                        c ->
                                c.isFinal()
                                        && c.interval() == CandleInterval.S1
                                        && c.source().equals(source)
                                        && c.openTimeMicros() == open)
                .reduce((a, b) -> b)
                .orElse(null);
    }
}
