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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The aggregate against the brute-force reference, for random trades in random order. */
class CandleAggregateTest {

    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");
    private static final long MINUTE = 1_700_000_040_000_000L;

    @RepeatedTest(50)
    void anyArrivalOrderGivesTheReferenceCandle(RepetitionInfo rep) {
        Random r = new Random(rep.getCurrentRepetition());
        List<Trade> trades = randomTrades(r, 1 + r.nextInt(300));
        List<Trade> shuffled = new ArrayList<>(trades);
        Collections.shuffle(shuffled, r);

        CandleAggregate agg = new CandleAggregate();
        CandleAccumulator acc = agg.createAccumulator();
        for (Trade t : shuffled) {
            acc = agg.add(t, acc);
        }
        Candle actual = Candles.of(acc, CandleInterval.M1, MINUTE, true, 0);
        Candle expected = CandleReference.candles(trades, CandleInterval.M1).get(0);
        assertThat(CandleReference.comparable(actual))
                .isEqualTo(CandleReference.comparable(expected));
    }

    @RepeatedTest(20)
    void mergingPartialsEqualsOneAccumulator(RepetitionInfo rep) {
        Random r = new Random(1000 + rep.getCurrentRepetition());
        List<Trade> trades = randomTrades(r, 2 + r.nextInt(100));
        int cut = 1 + r.nextInt(trades.size() - 1);
        CandleAggregate agg = new CandleAggregate();
        CandleAccumulator a = agg.createAccumulator();
        CandleAccumulator b = agg.createAccumulator();
        for (int i = 0; i < trades.size(); i++) {
            if (i < cut) {
                a = agg.add(trades.get(i), a);
            } else {
                b = agg.add(trades.get(i), b);
            }
        }
        CandleAccumulator merged = r.nextBoolean() ? agg.merge(a, b) : agg.merge(b, a);
        Candle expected = CandleReference.candles(trades, CandleInterval.M1).get(0);
        assertThat(
                        CandleReference.comparable(
                                Candles.of(merged, CandleInterval.M1, MINUTE, true, 0)))
                .isEqualTo(CandleReference.comparable(expected));
    }

    @Test
    void sameTimestampOrdersBySequence() {
        CandleAggregate agg = new CandleAggregate();
        CandleAccumulator acc = agg.createAccumulator();
        acc = agg.add(trade(5, 1_000_000, "2"), acc);
        acc = agg.add(trade(4, 1_000_000, "1"), acc);
        acc = agg.add(trade(6, 1_000_000, "3"), acc);
        assertThat(acc.open).isEqualByComparingTo("1");
        assertThat(acc.close).isEqualByComparingTo("3");
        assertThat(acc.openTradeId).isEqualTo("4");
        assertThat(acc.closeTradeId).isEqualTo("6");
    }

    @Test
    void sumsAreExactDecimals() {
        CandleAggregate agg = new CandleAggregate();
        CandleAccumulator acc = agg.createAccumulator();
        for (int i = 0; i < 10; i++) {
            acc =
                    agg.add(
                            new Trade(
                                    Venue.BINANCE,
                                    BTC,
                                    1_000_000 + i,
                                    1,
                                    i,
                                    new BigDecimal("0.1"),
                                    new BigDecimal("0.1"),
                                    Side.BUY,
                                    "" + i),
                            acc);
        }
        assertThat(acc.volume).isEqualByComparingTo("1.0");
        assertThat(acc.quoteVolume).isEqualByComparingTo("0.10");
        assertThat(acc.takerBuyVolume).isEqualByComparingTo("1.0");
    }

    private static Trade trade(long seq, long timeMicros, String price) {
        return new Trade(
                Venue.BINANCE,
                BTC,
                timeMicros,
                timeMicros,
                seq,
                new BigDecimal(price),
                BigDecimal.ONE,
                Side.SELL,
                "" + seq);
    }

    /** Trades inside one minute, with repeated timestamps, prices and sides at random. */
    static List<Trade> randomTrades(Random r, int n) {
        List<Trade> trades = new ArrayList<>();
        long base = MINUTE;
        for (int i = 0; i < n; i++) {
            long time = base + (long) r.nextInt(60) * 1_000_000L + r.nextInt(3) * 1000L;
            BigDecimal price = BigDecimal.valueOf(2_000_000 + r.nextInt(10_000), 2);
            BigDecimal qty = BigDecimal.valueOf(1 + r.nextInt(1_000_000), 8);
            Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
            trades.add(
                    new Trade(
                            Venue.BINANCE,
                            BTC,
                            time,
                            time,
                            100 + i,
                            price,
                            qty,
                            side,
                            Long.toString(100 + i)));
        }
        return trades;
    }
}
