package dev.candleflow.cluster.testutils;

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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The judge: candles computed the slow, obvious way from a list of accepted trades, straight from
 * the trades at every interval. Shares no code with the job's aggregation.
 */
public final class CandleReference {

    /** Trade order across venues: event time, then venue, then the venue's sequence. */
    static final Comparator<Trade> TRADE_ORDER =
            Comparator.comparingLong(Trade::eventTimeMicros)
                    .thenComparing(t -> t.venue().id())
                    .thenComparingLong(Trade::sequence);

    private CandleReference() {}

    /** One candle per (venue, instrument, interval start) holding at least one trade. */
    public static List<Candle> candles(List<Trade> trades, CandleInterval interval) {
        return group(trades, interval, t -> t.venue().id() + "|" + t.instrument(), false);
    }

    /** The consolidated candles of all these trades (every venue included), per instrument. */
    public static List<Candle> consolidated(List<Trade> trades, CandleInterval interval) {
        return group(trades, interval, t -> t.instrument().toString(), true);
    }

    private static List<Candle> group(
            List<Trade> trades,
            CandleInterval interval,
            Function<Trade, String> key,
            boolean consolidated) {
        Map<String, List<Trade>> groups =
                trades.stream()
                        .collect(
                                Collectors.groupingBy(
                                        t ->
                                                key.apply(t)
                                                        + "|"
                                                        + interval.openTimeMicros(
                                                                t.eventTimeMicros()),
                                        TreeMap::new,
                                        Collectors.toList()));
        List<Candle> out = new ArrayList<>();
        for (List<Trade> group : groups.values()) {
            out.add(candle(group, interval, consolidated));
        }
        return out;
    }

    static Candle candle(List<Trade> group, CandleInterval interval, boolean consolidated) {
        List<Trade> ordered = new ArrayList<>(group);
        ordered.sort(TRADE_ORDER);
        Trade first = ordered.get(0);
        Trade last = ordered.get(ordered.size() - 1);
        BigDecimal high = first.price();
        BigDecimal low = first.price();
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        BigDecimal buyVolume = BigDecimal.ZERO;
        BigDecimal buyQuote = BigDecimal.ZERO;
        for (Trade t : ordered) {
            high = t.price().compareTo(high) > 0 ? t.price() : high;
            low = t.price().compareTo(low) < 0 ? t.price() : low;
            volume = volume.add(t.quantity());
            quote = quote.add(t.price().multiply(t.quantity()));
            if (t.aggressor() == Side.BUY) {
                buyVolume = buyVolume.add(t.quantity());
                buyQuote = buyQuote.add(t.price().multiply(t.quantity()));
            }
        }
        Venue venue = consolidated ? null : first.venue();
        InstrumentId instrument = first.instrument();
        String firstId =
                consolidated ? first.venue().id() + ":" + first.tradeId() : first.tradeId();
        String lastId = consolidated ? last.venue().id() + ":" + last.tradeId() : last.tradeId();
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
                firstId,
                lastId,
                first.eventTimeMicros(),
                last.eventTimeMicros(),
                "",
                "",
                BigDecimal.ZERO,
                true,
                0);
    }

    /**
     * A form for comparing candles whatever the decimal scale they came back with (ClickHouse pads
     * to 18 digits) and without the revision (the last revision is what counts) or the consolidated
     * bookkeeping (checked on its own).
     */
    public static String comparable(Candle c) {
        return String.join(
                "|",
                c.source(),
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
                c.lastTradeId(),
                Long.toString(c.firstTradeTimeMicros()),
                Long.toString(c.lastTradeTimeMicros()));
    }

    private static String n(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
