package dev.candleflow.job.candles;

import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;

/**
 * Exact candle arithmetic shared by venue candles, larger intervals and the consolidated market:
 * from an accumulator, by combining the candles of the windows inside a larger one, and the
 * forward-filled candle of an empty window.
 */
public final class Candles {

    /** VWAP digits; ClickHouse keeps Decimal(38, 18). */
    public static final int VWAP_SCALE = 18;

    /** Children in trade order: by the time of their first trade, then by source. */
    static final Comparator<Candle> BY_FIRST_TRADE =
            Comparator.comparingLong(Candle::firstTradeTimeMicros).thenComparing(Candle::source);

    static final Comparator<Candle> BY_LAST_TRADE =
            Comparator.comparingLong(Candle::lastTradeTimeMicros).thenComparing(Candle::source);

    private Candles() {}

    /** The candle of a non-empty accumulator. */
    public static Candle of(
            CandleAccumulator acc,
            CandleInterval interval,
            long openTimeMicros,
            boolean isFinal,
            int revision) {
        return new Candle(
                acc.venue,
                acc.instrument,
                interval,
                openTimeMicros,
                acc.open,
                acc.high,
                acc.low,
                acc.close,
                acc.volume,
                acc.quoteVolume,
                vwap(acc.quoteVolume, acc.volume, acc.close),
                acc.takerBuyVolume,
                acc.takerBuyQuoteVolume,
                acc.count,
                acc.openTradeId,
                acc.closeTradeId,
                acc.openTimeMicros,
                acc.closeTimeMicros,
                "",
                "",
                BigDecimal.ZERO,
                isFinal,
                revision);
    }

    /**
     * The candle of a larger window from the latest candles of the windows inside it (all of the
     * same source). Sums are exact, so this equals the candle computed from the trades directly.
     */
    public static Candle combine(
            Collection<Candle> children,
            CandleInterval interval,
            long openTimeMicros,
            boolean isFinal,
            int revision) {
        Candle first = children.stream().min(BY_FIRST_TRADE).orElseThrow();
        Candle last = children.stream().max(BY_LAST_TRADE).orElseThrow();
        BigDecimal high = first.high();
        BigDecimal low = first.low();
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        BigDecimal buyVolume = BigDecimal.ZERO;
        BigDecimal buyQuote = BigDecimal.ZERO;
        long count = 0;
        for (Candle c : children) {
            high = high.max(c.high());
            low = low.min(c.low());
            volume = volume.add(c.volume());
            quote = quote.add(c.quoteVolume());
            buyVolume = buyVolume.add(c.takerBuyVolume());
            buyQuote = buyQuote.add(c.takerBuyQuoteVolume());
            count += c.tradeCount();
        }
        String included = "";
        String excluded = "";
        BigDecimal median = BigDecimal.ZERO;
        if (first.isConsolidated()) {
            included = union(children.stream().map(Candle::includedVenues).toList());
            excluded = union(children.stream().map(Candle::excludedVenues).toList());
            median =
                    weightedMedian(
                            children.stream()
                                    .map(c -> new Weighted(c.medianPrice(), c.volume()))
                                    .toList());
        }
        return new Candle(
                first.venue(),
                first.instrument(),
                interval,
                openTimeMicros,
                first.open(),
                high,
                low,
                last.close(),
                volume,
                quote,
                vwap(quote, volume, last.close()),
                buyVolume,
                buyQuote,
                count,
                first.firstTradeId(),
                last.lastTradeId(),
                first.firstTradeTimeMicros(),
                last.lastTradeTimeMicros(),
                included,
                excluded,
                median,
                isFinal,
                revision);
    }

    /**
     * The consolidated candle of one window from the candles of the venues that feed it: open and
     * close from the earliest and latest trade across them, sums over all, the VWAP of the whole,
     * and the volume-weighted median of the venues' VWAPs.
     */
    public static Candle consolidate(
            Collection<Candle> venueCandles,
            InstrumentId instrument,
            long openTimeMicros,
            String excluded,
            boolean isFinal,
            int revision) {
        Candle merged =
                combine(
                        venueCandles,
                        venueCandles.iterator().next().interval(),
                        openTimeMicros,
                        isFinal,
                        revision);
        Candle first = venueCandles.stream().min(BY_FIRST_TRADE).orElseThrow();
        Candle last = venueCandles.stream().max(BY_LAST_TRADE).orElseThrow();
        String included =
                String.join(",", venueCandles.stream().map(Candle::source).sorted().toList());
        BigDecimal median =
                weightedMedian(
                        venueCandles.stream()
                                .map(c -> new Weighted(c.vwap(), c.volume()))
                                .toList());
        return new Candle(
                null,
                instrument,
                merged.interval(),
                openTimeMicros,
                merged.open(),
                merged.high(),
                merged.low(),
                merged.close(),
                merged.volume(),
                merged.quoteVolume(),
                merged.vwap(),
                merged.takerBuyVolume(),
                merged.takerBuyQuoteVolume(),
                merged.tradeCount(),
                first.source() + ":" + first.firstTradeId(),
                last.source() + ":" + last.lastTradeId(),
                merged.firstTradeTimeMicros(),
                merged.lastTradeTimeMicros(),
                included,
                excluded,
                median,
                isFinal,
                revision);
    }

    /** A value and its weight. */
    record Weighted(BigDecimal value, BigDecimal weight) {}

    /**
     * The smallest value at which the cumulative weight reaches half of the total (the lower
     * weighted median); exact, no interpolation.
     */
    static BigDecimal weightedMedian(java.util.List<Weighted> items) {
        java.util.List<Weighted> sorted = new java.util.ArrayList<>(items);
        sorted.sort(Comparator.comparing(Weighted::value));
        BigDecimal total =
                sorted.stream().map(Weighted::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal half = total.divide(BigDecimal.valueOf(2));
        BigDecimal cumulative = BigDecimal.ZERO;
        for (Weighted w : sorted) {
            cumulative = cumulative.add(w.weight());
            if (cumulative.compareTo(half) >= 0) {
                return w.value();
            }
        }
        return sorted.isEmpty() ? BigDecimal.ZERO : sorted.get(sorted.size() - 1).value();
    }

    private static String union(java.util.List<String> csvs) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        for (String csv : csvs) {
            for (String v : csv.split(",")) {
                if (!v.isEmpty()) {
                    all.add(v);
                }
            }
        }
        return String.join(",", all);
    }

    /** An empty window, as exchanges show it: O = H = L = C = the previous close, no volume. */
    public static Candle filled(
            Venue venue,
            InstrumentId instrument,
            CandleInterval interval,
            long openTimeMicros,
            BigDecimal previousClose) {
        return new Candle(
                venue,
                instrument,
                interval,
                openTimeMicros,
                previousClose,
                previousClose,
                previousClose,
                previousClose,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                previousClose,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                0,
                "",
                "",
                0L,
                0L,
                "",
                "",
                BigDecimal.ZERO,
                true,
                0);
    }

    static BigDecimal vwap(BigDecimal quote, BigDecimal volume, BigDecimal fallback) {
        return volume.signum() == 0
                ? fallback
                : quote.divide(volume, VWAP_SCALE, RoundingMode.HALF_EVEN);
    }
}
