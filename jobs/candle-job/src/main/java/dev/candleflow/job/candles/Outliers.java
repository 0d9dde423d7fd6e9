package dev.candleflow.job.candles;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.OutlierEvent;
import dev.candleflow.model.OutlierEvent.OutlierAction;
import dev.candleflow.model.OutlierEvent.OutlierRule;
import dev.candleflow.model.OutlierEvent.Severity;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import java.math.BigDecimal;

/** Builds the outlier events of the three rules. */
final class Outliers {

    private Outliers() {}

    static OutlierEvent fatFinger(Trade t, double median, double bps, double band) {
        Severity severity = Math.abs(bps) > 4 * band ? Severity.CRITICAL : Severity.WARNING;
        return new OutlierEvent(
                t.instrument(),
                t.venue(),
                t.eventTimeMicros(),
                OutlierRule.FAT_FINGER,
                OutlierAction.FLAGGED,
                t.price(),
                BigDecimal.valueOf(median),
                bps,
                band,
                severity,
                t.tradeId());
    }

    static OutlierEvent offMarket(
            InstrumentId id,
            Venue venue,
            long time,
            boolean excluded,
            BigDecimal price,
            BigDecimal reference,
            double bps,
            double z,
            double threshold) {
        Severity severity =
                !excluded
                        ? Severity.INFO
                        : z > 2 * threshold ? Severity.CRITICAL : Severity.WARNING;
        return new OutlierEvent(
                id,
                venue,
                time,
                OutlierRule.OFF_MARKET,
                excluded ? OutlierAction.EXCLUDED : OutlierAction.READMITTED,
                price,
                reference,
                bps,
                threshold,
                severity,
                "");
    }

    static OutlierEvent stale(
            InstrumentId id,
            Venue venue,
            long time,
            boolean excluded,
            BigDecimal lastPrice,
            double staleSeconds) {
        return new OutlierEvent(
                id,
                venue,
                time,
                OutlierRule.STALE,
                excluded ? OutlierAction.EXCLUDED : OutlierAction.READMITTED,
                lastPrice,
                BigDecimal.ZERO,
                0,
                staleSeconds,
                excluded ? Severity.WARNING : Severity.INFO,
                "");
    }
}
