package dev.candleflow.job.testutils;

import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The judge: candles computed the slow, obvious way from a list of accepted trades. Shares no code
 * with the job's aggregation.
 */
public final class CandleReference {

    private CandleReference() {}

    /** One candle per (venue, instrument, interval start) holding at least one trade. */
    public static List<Candle> candles(List<Trade> trades, CandleInterval interval) {
        Map<String, List<Trade>> groups =
                trades.stream()
                        .collect(
                                Collectors.groupingBy(
                                        t ->
                                                t.venue()
                                                        + "|"
                                                        + t.instrument()
                                                        + "|"
                                                        + interval.openTimeMicros(
                                                                t.eventTimeMicros()),
                                        TreeMap::new,
                                        Collectors.toList()));
        List<Candle> out = new ArrayList<>();
        for (List<Trade> group : groups.values()) {
            out.add(candle(group, interval));
        }
        return out;
    }

    static Candle candle(List<Trade> group, CandleInterval interval) {
        List<Trade> ordered = new ArrayList<>(group);
        ordered.sort(
                Comparator.comparingLong(Trade::eventTimeMicros)
                        .thenComparingLong(Trade::sequence));
        Trade first = ordered.get(0);
        Trade last = ordered.get(ordered.size() - 1);
        BigDecimal high = first.price();
        BigDecimal low = first.price();
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        BigDecimal buyVolume = BigDecimal.ZERO;
        BigDecimal buyQuote = BigDecimal.ZERO;
        for (Trade t : ordered) {
            if (t.price().compareTo(high) > 0) {
                high = t.price();
            }
            if (t.price().compareTo(low) < 0) {
                low = t.price();
            }
            volume = volume.add(t.quantity());
            quote = quote.add(t.price().multiply(t.quantity()));
            if (t.aggressor() == Side.BUY) {
                buyVolume = buyVolume.add(t.quantity());
                buyQuote = buyQuote.add(t.price().multiply(t.quantity()));
            }
        }
        Venue venue = first.venue();
        InstrumentId instrument = first.instrument();
        return new Candle(
                venue,
                instrument,
                interval,
                interval.openTimeMicros(first.eventTimeMicros()),
                first.price(),
                high,
                low,
                last.price(),
                volume,
                quote,
                quote.divide(volume, 18, RoundingMode.HALF_EVEN),
                buyVolume,
                buyQuote,
                ordered.size(),
                first.tradeId(),
                last.tradeId(),
                true,
                0);
    }

    /**
     * A form for comparing candles whatever the decimal scale they came back with (ClickHouse pads
     * to 18 digits) and without the revision (the last revision is what counts).
     */
    public static String comparable(Candle c) {
        return String.join(
                "|",
                c.venue().id(),
                c.instrument().toString(),
                c.interval().label(),
                Long.toString(c.openTimeMicros()),
                n(c.open()),
                n(c.high()),
                n(c.low()),
                n(c.close()),
                n(c.volume()),
                n(c.quoteVolume()),
                n(c.vwap()),
                n(c.takerBuyVolume()),
                n(c.takerBuyQuoteVolume()),
                Long.toString(c.tradeCount()),
                c.firstTradeId(),
                c.lastTradeId());
    }

    private static String n(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
