package dev.candleflow.query.store;

import java.math.BigDecimal;

/** One outlier decision of the job: a flagged print, an excluded or a re-admitted venue. */
public record OutlierRow(
        String symbol,
        String venue,
        long time,
        String rule,
        String action,
        BigDecimal price,
        BigDecimal reference,
        double deviationBps,
        double threshold,
        String severity,
        String tradeId) {}
