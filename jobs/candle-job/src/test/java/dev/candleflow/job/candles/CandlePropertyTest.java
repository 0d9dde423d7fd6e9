package dev.candleflow.job.candles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.job.config.QuoteGroups;
import dev.candleflow.job.testutils.CandleReference;
import dev.candleflow.job.testutils.OperatorChain;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Random trade streams from several venues, out of order within the lateness bound, with late
 * trades, very late trades and duplicates: the last revision of every candle at every interval, per
 * venue and consolidated, equals the brute-force reference over the trades the job accepted.
 */
class CandlePropertyTest {

    static final List<Venue> VENUES = List.of(Venue.BINANCE, Venue.OKX, Venue.COINBASE);
    static final List<InstrumentId> SYMBOLS =
            List.of(InstrumentId.parse("BTC-USDT"), InstrumentId.parse("ETH-USDT"));
    static final List<CandleInterval> INTERVALS =
            List.of(CandleInterval.S1, CandleInterval.M1, CandleInterval.M5, CandleInterval.M15);
    static final Duration LATENESS = Duration.ofSeconds(5);
    static final long OUT_OF_ORDER_MS = 2_000;

    @RepeatedTest(12)
    void everyCandleEqualsTheReferenceOverAcceptedTrades(RepetitionInfo rep) throws Exception {
        Random r = new Random(rep.getCurrentRepetition() * 7919L);
        List<Trade> arrivals = arrivals(r, 3_000 + r.nextInt(3_000));
        CandleSettings settings = new CandleSettings(INTERVALS, LATENESS, Duration.ZERO, Set.of());
        List<Trade> accepted = new ArrayList<>();
        int expectedLate = 0;
        try (OperatorChain chain =
                new OperatorChain(
                        settings,
                        new FatFingerSettings(1e9, 25, 10, false),
                        new ConsolidationSettings(6, 10, 3, Duration.ofHours(1)),
                        QuoteGroups.NONE)) {
            Set<String> seen = new HashSet<>();
            long maxSeen = Long.MIN_VALUE;
            for (int i = 0; i < arrivals.size(); i++) {
                Trade t = arrivals.get(i);
                long endMs =
                        (CandleInterval.S1.openTimeMicros(t.eventTimeMicros()) + 1_000_000L)
                                / 1000L;
                if (endMs - 1 + LATENESS.toMillis() <= chain.watermark()) {
                    expectedLate++;
                } else if (seen.add(t.venue() + "|" + t.instrument() + "|" + t.tradeId())) {
                    accepted.add(t);
                }
                chain.trade(t);
                maxSeen = Math.max(maxSeen, t.eventTimeMillis());
                if (i % 7 == 0) {
                    chain.watermark(maxSeen - OUT_OF_ORDER_MS - 1);
                }
            }
            chain.watermark(Long.MAX_VALUE);

            assertThat(chain.deadLetters)
                    .hasSize(expectedLate)
                    .allMatch(d -> d.reason().equals("late"));
            assertThat(expectedLate).as("the stream has very late trades").isPositive();
            Map<String, Candle> last = lastRevisions(chain.candles);
            assertThat(chain.candles)
                    .as("late trades revised final candles")
                    .anyMatch(c -> c.revision() > 0);

            List<Candle> expected = new ArrayList<>();
            for (CandleInterval interval : INTERVALS) {
                expected.addAll(CandleReference.candles(accepted, interval));
                expected.addAll(CandleReference.consolidated(accepted, interval));
            }
            assertThat(diff(last.values(), expected)).isEmpty();
            assertThat(chain.outliers).isEmpty();
        }
    }

    /** Differences by candle identity, at most ten, each saying which side has what. */
    static List<String> diff(java.util.Collection<Candle> actual, List<Candle> expected) {
        Map<String, String> a = new TreeMap<>();
        actual.forEach(c -> a.put(c.key(), CandleReference.comparable(c)));
        Map<String, String> e = new TreeMap<>();
        expected.forEach(c -> e.put(c.key(), CandleReference.comparable(c)));
        List<String> out = new ArrayList<>();
        Set<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(e.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(a.get(k), e.get(k)) && out.size() < 10) {
                out.add(k + "\n   job:       " + a.get(k) + "\n   reference: " + e.get(k));
            }
        }
        return out;
    }

    /** The newest revision of each final candle; also checks revisions only ever grow. */
    static Map<String, Candle> lastRevisions(List<Candle> emitted) {
        Map<String, Candle> last = new TreeMap<>();
        for (Candle c : emitted) {
            if (!c.isFinal()) {
                continue;
            }
            Candle previous = last.get(c.key());
            assertThat(previous == null || previous.revision() < c.revision())
                    .as("revision order of %s", c.key())
                    .isTrue();
            last.put(c.key(), c);
        }
        return last;
    }

    /**
     * Trades of every venue and symbol over about twenty minutes, with prices that move together,
     * in arrival order: shuffled within the out-of-orderness, a few held back past the watermark
     * (some within the lateness, some beyond) and a few delivered twice.
     */
    static List<Trade> arrivals(Random r, int n) {
        long start = 1_700_000_000_000_000L;
        Map<String, Long> ids = new HashMap<>();
        Map<InstrumentId, Long> price = new HashMap<>();
        SYMBOLS.forEach(s -> price.put(s, s.base().equals("BTC") ? 3_000_000L : 200_000L));
        List<Trade> trades = new ArrayList<>();
        long time = start;
        for (int i = 0; i < n; i++) {
            time += 1 + (long) (r.nextDouble() * 400_000);
            InstrumentId s = SYMBOLS.get(r.nextInt(SYMBOLS.size()));
            Venue v = VENUES.get(r.nextInt(VENUES.size()));
            price.merge(s, (long) (r.nextGaussian() * 3), Long::sum);
            long id = ids.merge(v + "|" + s, 1L, Long::sum);
            long ticks = price.get(s) + r.nextInt(3) - 1;
            trades.add(
                    new Trade(
                            v,
                            s,
                            time,
                            time,
                            id,
                            BigDecimal.valueOf(ticks, 2),
                            BigDecimal.valueOf(1 + r.nextInt(500_000), 6),
                            r.nextBoolean() ? Side.BUY : Side.SELL,
                            Long.toString(id)));
        }
        List<Trade> arrivals = new ArrayList<>();
        for (int i = 0; i < trades.size(); i++) {
            Trade t = trades.get(i);
            double dice = r.nextDouble();
            int delay =
                    dice < 0.02
                            ? 40 + r.nextInt(40)
                            : dice < 0.05 ? 10 + r.nextInt(20) : r.nextInt(4);
            arrivals.add(Math.min(arrivals.size(), Math.max(0, arrivals.size() - delay)), t);
            if (r.nextDouble() < 0.03) {
                arrivals.add(t); // delivered again, e.g. by a reconnect overlap
            }
        }
        return arrivals;
    }
}
