package dev.candleflow.bench.tape;

import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.Trade;
import java.math.BigDecimal;
import java.util.BitSet;

/**
 * What the generated trades imply for the job's output, counted while the tape is generated: the
 * base-interval candles per venue and symbol and per consolidated symbol, and the totals every
 * interval's final candles must add up to (trades, volume, quote volume; all exact).
 */
public final class Expected {

    private final CandleInterval base;
    private final long firstOpenMicros;
    private final long[] lastOpen;
    private final BitSet[] consolidatedWindows;
    private long venueCandles;
    private long trades;
    private BigDecimal volume = BigDecimal.ZERO;
    private BigDecimal quoteVolume = BigDecimal.ZERO;

    Expected(CandleInterval base, long startMillis, int venues, int symbols) {
        this.base = base;
        this.firstOpenMicros = base.openTimeMicros(startMillis * 1000L);
        this.lastOpen = new long[venues * symbols];
        java.util.Arrays.fill(lastOpen, Long.MIN_VALUE);
        this.consolidatedWindows = new BitSet[symbols];
        for (int s = 0; s < symbols; s++) {
            consolidatedWindows[s] = new BitSet();
        }
    }

    /** Counts a trade; per venue and symbol, trades come in event-time order. */
    void add(int venueIndex, int symbol, Trade t) {
        int key = venueIndex * consolidatedWindows.length + symbol;
        long open = base.openTimeMicros(t.eventTimeMicros());
        if (open < lastOpen[key]) {
            throw new IllegalStateException("trades of one venue and symbol out of order: " + t);
        }
        if (open != lastOpen[key]) {
            venueCandles++;
            lastOpen[key] = open;
        }
        consolidatedWindows[symbol].set(
                Math.toIntExact((open - firstOpenMicros) / base.lengthMicros()));
        trades++;
        volume = volume.add(t.quantity());
        quoteVolume = quoteVolume.add(t.price().multiply(t.quantity()));
    }

    public CandleInterval base() {
        return base;
    }

    /** Windows of the base interval holding trades, summed over venues and symbols. */
    public long venueCandles() {
        return venueCandles;
    }

    /** Windows of the base interval holding trades of any venue, summed over symbols. */
    public long consolidatedCandles() {
        long n = 0;
        for (BitSet windows : consolidatedWindows) {
            n += windows.cardinality();
        }
        return n;
    }

    public long trades() {
        return trades;
    }

    public BigDecimal volume() {
        return volume;
    }

    public BigDecimal quoteVolume() {
        return quoteVolume;
    }
}
