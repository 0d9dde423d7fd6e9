package dev.candleflow.job.candles;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.math.BigDecimal;

/**
 * The running state of one candle. A Flink POJO (public fields, no-arg constructor) so it is
 * serialized without Kryo. Open and close are the trades first and last by (event time, sequence),
 * never by arrival.
 */
public class CandleAccumulator {
    public Venue venue;
    public InstrumentId instrument;
    public long count;

    public BigDecimal open;
    public long openTimeMicros;
    public long openSequence;
    public String openTradeId;

    public BigDecimal close;
    public long closeTimeMicros;
    public long closeSequence;
    public String closeTradeId;

    public BigDecimal high;
    public BigDecimal low;
    public BigDecimal volume = BigDecimal.ZERO;
    public BigDecimal quoteVolume = BigDecimal.ZERO;
    public BigDecimal takerBuyVolume = BigDecimal.ZERO;
    public BigDecimal takerBuyQuoteVolume = BigDecimal.ZERO;

    public CandleAccumulator() {}

    /** An independent copy (the decimals are immutable and shared). */
    CandleAccumulator copy() {
        CandleAccumulator c = new CandleAccumulator();
        c.venue = venue;
        c.instrument = instrument;
        c.count = count;
        c.open = open;
        c.openTimeMicros = openTimeMicros;
        c.openSequence = openSequence;
        c.openTradeId = openTradeId;
        c.close = close;
        c.closeTimeMicros = closeTimeMicros;
        c.closeSequence = closeSequence;
        c.closeTradeId = closeTradeId;
        c.high = high;
        c.low = low;
        c.volume = volume;
        c.quoteVolume = quoteVolume;
        c.takerBuyVolume = takerBuyVolume;
        c.takerBuyQuoteVolume = takerBuyQuoteVolume;
        return c;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Whether (time, seq) comes before the current open. */
    boolean before(long timeMicros, long sequence) {
        return timeMicros < openTimeMicros
                || (timeMicros == openTimeMicros && sequence < openSequence);
    }

    /** Whether (time, seq) comes after the current close. */
    boolean after(long timeMicros, long sequence) {
        return timeMicros > closeTimeMicros
                || (timeMicros == closeTimeMicros && sequence > closeSequence);
    }
}
