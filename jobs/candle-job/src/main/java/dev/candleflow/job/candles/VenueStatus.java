package dev.candleflow.job.candles;

import java.math.BigDecimal;

/** Whether a venue currently feeds a symbol's consolidated market, and why not. A Flink POJO. */
public class VenueStatus {
    public boolean offMarket;
    public boolean stale;
    public long lastTradeMicros;
    public BigDecimal lastPrice = BigDecimal.ZERO;

    public VenueStatus() {}

    boolean excluded() {
        return offMarket || stale;
    }
}
