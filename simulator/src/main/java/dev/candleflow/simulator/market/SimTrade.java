package dev.candleflow.simulator.market;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One trade the simulator published, as a test compares it with what the pipeline produced.
 *
 * @param symbol the venue's native symbol in upper case, e.g. {@code BTCUSDT}
 * @param tradeId the venue trade id; contiguous per symbol for generated markets
 * @param price exact price, as sent on the wire (scale 8 for generated trades)
 * @param quantity exact base quantity, as sent on the wire
 * @param eventTimeMillis trade time ({@code T}) in epoch milliseconds
 * @param buyerIsMaker Binance's {@code m} flag: true means the taker sold
 */
public record SimTrade(
        String symbol,
        long tradeId,
        BigDecimal price,
        BigDecimal quantity,
        long eventTimeMillis,
        boolean buyerIsMaker) {

    public SimTrade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
    }
}
