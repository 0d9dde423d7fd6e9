package dev.candleflow.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One outlier decision: a print or a venue flagged, excluded from or re-admitted to the
 * consolidated market.
 *
 * @param timeMicros event time the decision refers to (the print, or the window's start)
 * @param price the print's price, or the venue's price in the window
 * @param reference what it was compared with: the venue's rolling median, or the cross-venue median
 * @param deviationBps (price - reference) / reference in basis points
 * @param threshold the limit that was crossed: basis points for fat fingers, a robust z-score for
 *     off-market venues, seconds of silence for stale venues
 * @param tradeId the print's trade id for fat fingers, else empty
 */
public record OutlierEvent(
        InstrumentId instrument,
        Venue venue,
        long timeMicros,
        OutlierRule rule,
        OutlierAction action,
        BigDecimal price,
        BigDecimal reference,
        double deviationBps,
        double threshold,
        Severity severity,
        String tradeId) {

    public OutlierEvent {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(severity, "severity");
        price = price == null ? BigDecimal.ZERO : price;
        reference = reference == null ? BigDecimal.ZERO : reference;
        tradeId = tradeId == null ? "" : tradeId;
    }

    /** The Kafka key: one record per decision. */
    public String key() {
        return instrument + "|" + venue.id() + "|" + rule.id() + "|" + timeMicros + "|" + tradeId;
    }

    /** Which test flagged it. */
    public enum OutlierRule {
        FAT_FINGER("fat_finger"),
        OFF_MARKET("off_market"),
        STALE("stale");

        private final String id;

        OutlierRule(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** What the decision did. */
    public enum OutlierAction {
        FLAGGED("flagged"),
        EXCLUDED("excluded"),
        READMITTED("readmitted");

        private final String id;

        OutlierAction(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** How serious it is, for alerting. */
    public enum Severity {
        INFO,
        WARNING,
        CRITICAL
    }
}
