package dev.candleflow.bench.pipeline;

import dev.candleflow.bench.tape.Expected;
import dev.candleflow.model.CandleInterval;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a run's output is complete, judged as a consumer sees it (the latest revision of each
 * candle): as many base-interval candles as the tape has windows with trades (per venue and
 * consolidated), none of them revised (the tape has no late trades), and at every interval candles
 * whose trades, volume and quote volume add up exactly to the tape's. No dead letters or outliers
 * either: the tape has none. A benchmark that drops data fails here, loudly.
 *
 * <p>Nor may larger intervals be revised: the tape has no late trades, and a watermark advance that
 * passes several windows at once (a replay runs event time far faster than the clock; the end of
 * input jumps to the end of time) must close each larger window once, complete. CandleCascade used
 * to close a parent from its first closed child and revise it with each further one; {@link
 * #extraRevisions} counts such revisions, and any is a failure.
 */
final class CandleCheck {

    private CandleCheck() {}

    static List<String> problems(
            Expected expected, RunStats stats, List<CandleInterval> intervals) {
        List<String> out = new ArrayList<>();
        CandleTally t = stats.finals();
        baseInterval(out, expected, t);
        for (CandleInterval interval : intervals) {
            totals(out, expected, t, interval, false);
            totals(out, expected, t, interval, true);
        }
        equal(
                out,
                "larger-interval candles revised without late trades",
                0,
                extraRevisions(expected, stats, intervals));
        equal(out, "dead letters", 0, stats.count(SinkKind.DEAD_LETTERS));
        equal(out, "outlier events", 0, stats.count(SinkKind.OUTLIERS));
        return out;
    }

    /** One candle per window with trades, never revised. */
    private static void baseInterval(List<String> out, Expected expected, CandleTally t) {
        CandleInterval base = expected.base();
        equal(
                out,
                "final venue " + base.label() + " candles",
                expected.venueCandles(),
                t.candles(false, base));
        equal(
                out,
                "final consolidated " + base.label() + " candles",
                expected.consolidatedCandles(),
                t.candles(true, base));
        for (boolean consolidated : new boolean[] {false, true}) {
            String what = (consolidated ? "consolidated " : "venue ") + base.label();
            equal(out, "revised " + what + " candles", 0, t.revisions(consolidated, base));
        }
    }

    /** At every interval, the candles hold all trades, exactly. */
    private static void totals(
            List<String> out,
            Expected expected,
            CandleTally t,
            CandleInterval interval,
            boolean consolidated) {
        String what = (consolidated ? "consolidated " : "venue ") + interval.label();
        equal(
                out,
                "trades in final " + what + " candles",
                expected.trades(),
                t.trades(consolidated, interval));
        equal(
                out,
                "volume of final " + what + " candles",
                expected.volume(),
                t.volume(consolidated, interval));
        equal(
                out,
                "quote volume of final " + what + " candles",
                expected.quoteVolume(),
                t.quoteVolume(consolidated, interval));
    }

    /** Revisions of larger-interval candles: explained above. */
    static long extraRevisions(Expected expected, RunStats stats, List<CandleInterval> intervals) {
        long n = 0;
        for (CandleInterval interval : intervals) {
            if (interval != expected.base()) {
                n += stats.finals().revisions(false, interval);
                n += stats.finals().revisions(true, interval);
            }
        }
        return n;
    }

    /** The baseline's check: every trade reached its sink. */
    static List<String> baseline(Expected expected, RunStats stats) {
        List<String> out = new ArrayList<>();
        equal(
                out,
                "trades at the baseline sink",
                expected.trades(),
                stats.count(SinkKind.BASELINE_TRADES));
        return out;
    }

    private static void equal(List<String> out, String what, long expected, long actual) {
        if (expected != actual) {
            out.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static void equal(
            List<String> out, String what, BigDecimal expected, BigDecimal actual) {
        if (expected.compareTo(actual) != 0) {
            out.add(
                    what
                            + ": expected "
                            + expected.toPlainString()
                            + ", got "
                            + actual.toPlainString());
        }
    }
}
