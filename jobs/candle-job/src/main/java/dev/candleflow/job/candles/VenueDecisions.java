package dev.candleflow.job.candles;

import dev.candleflow.model.Candle;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.OutlierEvent;
import dev.candleflow.model.Venue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The per-window decisions of the consolidated market: which venues are stale, which are off the
 * market (robust z-score against the cross-venue median, with hysteresis), and so which feed it.
 * Pure: it updates the statuses it is given and reports each change.
 */
final class VenueDecisions {

    private static final double MAD_TO_SIGMA = 1.4826;

    private final ConsolidationSettings settings;

    VenueDecisions(ConsolidationSettings settings) {
        this.settings = settings;
    }

    /**
     * Decides a window.
     *
     * @param candles the window's final venue candles, by venue
     * @param statuses every venue seen so far for the symbol; updated in place
     * @return the venues that feed the consolidated candle, in venue order
     */
    List<Venue> decide(
            InstrumentId id,
            long open,
            long end,
            Map<Venue, Candle> candles,
            Map<Venue, VenueStatus> statuses,
            Consumer<OutlierEvent> events) {
        for (Venue v : candles.keySet()) {
            statuses.computeIfAbsent(v, x -> new VenueStatus());
        }
        staleness(id, open, end, candles, statuses, events);
        if (candles.size() >= settings.minVenues()) {
            offMarket(id, open, candles, statuses, events);
        }
        List<Venue> included = new ArrayList<>();
        for (Venue v : new TreeMap<>(candles).keySet()) {
            if (!statuses.get(v).excluded()) {
                included.add(v);
            }
        }
        return included;
    }

    private void staleness(
            InstrumentId id,
            long open,
            long end,
            Map<Venue, Candle> candles,
            Map<Venue, VenueStatus> statuses,
            Consumer<OutlierEvent> events) {
        long staleMicros = settings.staleAfter().toNanos() / 1000L;
        for (Map.Entry<Venue, VenueStatus> e : statuses.entrySet()) {
            VenueStatus s = e.getValue();
            Candle c = candles.get(e.getKey());
            if (c != null) {
                s.lastTradeMicros = c.lastTradeTimeMicros();
                s.lastPrice = c.close();
                if (s.stale) {
                    s.stale = false;
                    events.accept(
                            Outliers.stale(
                                    id, e.getKey(), open, false, s.lastPrice, staleSeconds()));
                }
            } else if (!s.stale && !candles.isEmpty() && end - s.lastTradeMicros > staleMicros) {
                s.stale = true;
                events.accept(
                        Outliers.stale(id, e.getKey(), open, true, s.lastPrice, staleSeconds()));
            }
        }
    }

    private void offMarket(
            InstrumentId id,
            long open,
            Map<Venue, Candle> candles,
            Map<Venue, VenueStatus> statuses,
            Consumer<OutlierEvent> events) {
        BigDecimal median = median(candles.values().stream().map(Candle::vwap).toList());
        double m = median.doubleValue();
        List<Double> deviations = new ArrayList<>();
        for (Candle c : candles.values()) {
            deviations.add(Math.abs(c.vwap().doubleValue() - m));
        }
        double scale =
                Math.max(MAD_TO_SIGMA * medianOf(deviations), m * settings.floorBps() / 10_000d);
        for (Map.Entry<Venue, Candle> e : new TreeMap<>(candles).entrySet()) {
            VenueStatus s = statuses.get(e.getKey());
            BigDecimal p = e.getValue().vwap();
            double z = Math.abs(p.doubleValue() - m) / scale;
            double bps = (p.doubleValue() - m) / m * 10_000d;
            if (!s.offMarket && z > settings.zThreshold()) {
                s.offMarket = true;
                events.accept(
                        Outliers.offMarket(
                                id,
                                e.getKey(),
                                open,
                                true,
                                p,
                                median,
                                bps,
                                z,
                                settings.zThreshold()));
            } else if (s.offMarket && z < settings.zThreshold() / 2) {
                s.offMarket = false;
                events.accept(
                        Outliers.offMarket(
                                id,
                                e.getKey(),
                                open,
                                false,
                                p,
                                median,
                                bps,
                                z,
                                settings.zThreshold()));
            }
        }
    }

    private double staleSeconds() {
        return settings.staleAfter().toMillis() / 1000d;
    }

    /** The exact median of decimals: the middle one, or the mean of the two middle ones. */
    static BigDecimal median(Collection<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
