package dev.candleflow.bench.pipeline;

import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Final candles as a consumer keeps them: the latest revision per candle identity (ClickHouse's
 * ReplacingMergeTree, Kafka's compacted topic), summed per (venue or consolidated, interval), and
 * how many revisions arrived on the way.
 */
final class CandleTally {

    private static final int SOURCES = 2;
    private static final int INTERVALS = CandleInterval.values().length;

    private final Map<String, Latest> latest = new HashMap<>();
    private final long[][] revisions = new long[SOURCES][INTERVALS];

    /** The latest revision of one candle: what counts for the sums. */
    private record Latest(
            int source,
            int interval,
            int revision,
            long trades,
            BigDecimal volume,
            BigDecimal quoteVolume) {}

    void add(Candle c) {
        int s = c.isConsolidated() ? 1 : 0;
        int i = c.interval().ordinal();
        if (c.revision() > 0) {
            revisions[s][i]++;
        }
        keep(c.key(), new Latest(s, i, c.revision(), c.tradeCount(), c.volume(), c.quoteVolume()));
    }

    void addAll(CandleTally o) {
        o.latest.forEach(this::keep);
        for (int s = 0; s < SOURCES; s++) {
            for (int i = 0; i < INTERVALS; i++) {
                revisions[s][i] += o.revisions[s][i];
            }
        }
    }

    private void keep(String key, Latest candle) {
        latest.merge(key, candle, (a, b) -> b.revision() >= a.revision() ? b : a);
    }

    /** Distinct candles (whatever their revision). */
    long candles(boolean consolidated, CandleInterval interval) {
        return latest.values().stream().filter(of(consolidated, interval)).count();
    }

    /** Candles that arrived with a revision above 0. */
    long revisions(boolean consolidated, CandleInterval interval) {
        return revisions[consolidated ? 1 : 0][interval.ordinal()];
    }

    long trades(boolean consolidated, CandleInterval interval) {
        return latest.values().stream()
                .filter(of(consolidated, interval))
                .mapToLong(Latest::trades)
                .sum();
    }

    BigDecimal volume(boolean consolidated, CandleInterval interval) {
        return latest.values().stream()
                .filter(of(consolidated, interval))
                .map(Latest::volume)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal quoteVolume(boolean consolidated, CandleInterval interval) {
        return latest.values().stream()
                .filter(of(consolidated, interval))
                .map(Latest::quoteVolume)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static java.util.function.Predicate<Latest> of(
            boolean consolidated, CandleInterval interval) {
        int s = consolidated ? 1 : 0;
        int i = interval.ordinal();
        return l -> l.source() == s && l.interval() == i;
    }
}
