package dev.candleflow.simulator.market;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One trade of the simulated market on one venue, before the venue gives it ids and its wire
 * format.
 *
 * @param venueIndex position of the venue in the market's venue list
 * @param instrument the instrument
 * @param number 0-based count of this venue's trades in this instrument
 * @param eventTimeMicros trade time, epoch microseconds; strictly increasing per tape
 * @param price exact price on the instrument's tick grid
 * @param quantity exact base quantity on the instrument's lot grid
 * @param takerSide side of the aggressor
 */
public record MarketTrade(
        int venueIndex,
        Instrument instrument,
        long number,
        long eventTimeMicros,
        BigDecimal price,
        BigDecimal quantity,
        TradeSide takerSide) {

    public MarketTrade {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(takerSide, "takerSide");
    }
}
