package dev.candleflow.query.store;

import java.math.BigDecimal;
import java.util.List;

/**
 * One final candle as ClickHouse holds it (newest revision, read with FINAL). Consolidated candles
 * ({@code venue = "consolidated"}) also carry the venues that fed them and the median price.
 */
public record CandleRow(
        String venue,
        String symbol,
        String interval,
        long openTime,
        long closeTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        BigDecimal quoteVolume,
        BigDecimal vwap,
        BigDecimal takerBuyVolume,
        BigDecimal takerBuyQuoteVolume,
        long tradeCount,
        String firstTradeId,
        String lastTradeId,
        long firstTradeTimeUs,
        long lastTradeTimeUs,
        boolean isFinal,
        long revision,
        List<String> includedVenues,
        List<String> excludedVenues,
        BigDecimal medianPrice) {

    public static final String CONSOLIDATED = "consolidated";

    public boolean consolidated() {
        return CONSOLIDATED.equals(venue);
    }
}
