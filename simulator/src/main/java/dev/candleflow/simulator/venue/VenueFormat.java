package dev.candleflow.simulator.venue;

import dev.candleflow.simulator.market.Instrument;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a venue names instruments, prints numbers and numbers trades.
 *
 * @param symbol the venue's symbol for an instrument ({@code BTC-USDT} to {@code BTCUSDT})
 * @param price how prices are printed
 * @param quantity how quantities are printed
 * @param ids how trades are numbered
 */
public record VenueFormat(
        Function<Instrument, String> symbol,
        DecimalStyle price,
        DecimalStyle quantity,
        IdScheme ids) {

    public VenueFormat {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(ids, "ids");
    }
}
