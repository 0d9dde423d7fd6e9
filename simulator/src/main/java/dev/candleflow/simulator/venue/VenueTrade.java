package dev.candleflow.simulator.venue;

import dev.candleflow.simulator.market.TradeSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One trade as a venue published it: it happened on the venue and is in the venue's REST history,
 * whether or not a WebSocket delivered it.
 *
 * @param venue the venue
 * @param symbol the venue's own symbol, e.g. {@code BTCUSDT}, {@code BTC-USDT}, {@code BTC/USD}
 * @param instrument the canonical instrument, e.g. {@code BTC-USDT}
 * @param sequence per-symbol counter that grows by exactly one per trade (Gate's {@code id_market};
 *     equal to the trade id where the venue's ids are per-symbol numbers)
 * @param venueSequence counter over all symbols of the venue (the id where the venue numbers trades
 *     across markets, as Gate and Bitstamp do)
 * @param tradeId the trade id exactly as the venue prints it (a number, or Bybit's UUID)
 * @param price exact price with the venue's wire scale
 * @param quantity exact base quantity with the venue's wire scale
 * @param eventTimeMicros trade time, epoch microseconds
 * @param takerSide side of the aggressor
 */
public record VenueTrade(
        VenueId venue,
        String symbol,
        String instrument,
        long sequence,
        long venueSequence,
        String tradeId,
        BigDecimal price,
        BigDecimal quantity,
        long eventTimeMicros,
        TradeSide takerSide) {

    public VenueTrade {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(takerSide, "takerSide");
    }

    /** Trade time in epoch milliseconds (floor). */
    public long eventTimeMillis() {
        return Math.floorDiv(eventTimeMicros, 1000L);
    }
}
