package dev.candleflow.query.store;

/**
 * One venue connection's newest reported state, with its counters summed over the last 15 minutes
 * of reports.
 */
public record FeedHealthRow(
        String venue,
        String splitId,
        String state,
        long lastReportTime,
        long frames,
        long trades,
        long reconnects,
        long gaps,
        long tradesBackfilled,
        long unrecoverableGaps,
        long duplicates,
        long deadLetters,
        long lastMessageAgeMs,
        double lagP50Ms,
        double lagP99Ms) {}
