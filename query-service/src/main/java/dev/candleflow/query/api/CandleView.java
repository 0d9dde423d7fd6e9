package dev.candleflow.query.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.candleflow.query.store.CandleRow;
import java.util.List;

/**
 * A candle as the API writes it: the fields and names of the Kafka candle JSON (decimals as exact
 * strings, times in epoch milliseconds UTC), plus the consolidation fields on consolidated candles.
 */
public record CandleView(
        String venue,
        String symbol,
        String interval,
        long openTime,
        long closeTime,
        String open,
        String high,
        String low,
        String close,
        String volume,
        String quoteVolume,
        String vwap,
        String takerBuyVolume,
        String takerBuyQuoteVolume,
        long tradeCount,
        String firstTradeId,
        String lastTradeId,
        long firstTradeTimeUs,
        long lastTradeTimeUs,
        @JsonProperty("final") boolean isFinal,
        long revision,
        List<String> includedVenues,
        List<String> excludedVenues,
        String medianPrice) {

    static CandleView of(CandleRow c) {
        boolean consolidated = c.consolidated();
        return new CandleView(
                c.venue(),
                c.symbol(),
                c.interval(),
                c.openTime(),
                c.closeTime(),
                Json.decimal(c.open()),
                Json.decimal(c.high()),
                Json.decimal(c.low()),
                Json.decimal(c.close()),
                Json.decimal(c.volume()),
                Json.decimal(c.quoteVolume()),
                Json.decimal(c.vwap()),
                Json.decimal(c.takerBuyVolume()),
                Json.decimal(c.takerBuyQuoteVolume()),
                c.tradeCount(),
                c.firstTradeId(),
                c.lastTradeId(),
                c.firstTradeTimeUs(),
                c.lastTradeTimeUs(),
                c.isFinal(),
                c.revision(),
                consolidated ? c.includedVenues() : null,
                consolidated ? c.excludedVenues() : null,
                consolidated ? Json.decimal(c.medianPrice()) : null);
    }
}
