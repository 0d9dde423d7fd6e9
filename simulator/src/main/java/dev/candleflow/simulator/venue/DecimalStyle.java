package dev.candleflow.simulator.venue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a venue prints an exact decimal: at a fixed scale, as on the grid, or without zeros. */
public enum DecimalStyle {
    /** The tick or lot grid's own scale ({@code 16578.50} for a 0.01 tick). */
    GRID,
    /** Trailing zeros removed ({@code 30236}, {@code 0.0002}). */
    STRIPPED,
    /** Eight decimals ({@code 36512.34000000}), as Binance prints. */
    EIGHT_DECIMALS;

    /** {@code value} (exact, on its grid) in this style; never changes the number. */
    public BigDecimal apply(BigDecimal value) {
        return switch (this) {
            case GRID -> value;
            case STRIPPED -> {
                BigDecimal s = value.stripTrailingZeros();
                yield s.scale() < 0 ? s.setScale(0, RoundingMode.UNNECESSARY) : s;
            }
            case EIGHT_DECIMALS -> value.setScale(8, RoundingMode.UNNECESSARY);
        };
    }
}
