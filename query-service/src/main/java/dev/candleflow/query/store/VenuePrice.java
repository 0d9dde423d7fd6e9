package dev.candleflow.query.store;

import java.math.BigDecimal;
import java.util.List;

/**
 * One venue's (or the consolidated) view of a symbol over the 24 h of candles that end with the
 * symbol's newest candle: last close, the open 24 h before, and the volume in between.
 */
public record VenuePrice(
        String venue,
        String symbol,
        long lastOpenTime,
        long lastCloseTime,
        BigDecimal lastPrice,
        BigDecimal openPrice,
        BigDecimal volume,
        BigDecimal quoteVolume,
        List<String> includedVenues,
        List<String> excludedVenues) {}
