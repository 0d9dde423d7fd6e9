package dev.candleflow.simulator.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Static description of one simulated instrument: native symbol, start price and grid sizes.
 *
 * <p>Prices move on the {@code tickSize} grid and quantities on the {@code lotSize} grid, so every
 * generated value is an integer multiple of its step and is exact with Binance's 8 decimals.
 *
 * @param symbol Binance native symbol, upper case ({@code BTCUSDT})
 * @param startPrice first price of the random walk; rounded to the tick grid
 * @param tickSize price step, at most 8 decimals
 * @param lotSize quantity step, at most 8 decimals
 * @param meanLotsPerTrade mean trade size in lots (sizes are 1 + exponential)
 */
public record SymbolSpec(
        String symbol,
        BigDecimal startPrice,
        BigDecimal tickSize,
        BigDecimal lotSize,
        double meanLotsPerTrade) {

    /** Binance prints prices and quantities with this many decimals. */
    public static final int WIRE_SCALE = 8;

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");
    private static final double TARGET_NOTIONAL = 100.0;

    // Rough real-world levels so generated candles look plausible; any other symbol gets GENERIC.
    private static final Map<String, Levels> KNOWN =
            Map.of(
                    "BTCUSDT", new Levels("30000.00", "0.01", "0.00001"),
                    "ETHUSDT", new Levels("2000.00", "0.01", "0.0001"),
                    "SOLUSDT", new Levels("100.00", "0.01", "0.001"),
                    "BNBUSDT", new Levels("300.00", "0.01", "0.001"),
                    "XRPUSDT", new Levels("0.5000", "0.0001", "1"),
                    "BNBBTC", new Levels("0.010000", "0.000001", "0.001"));
    private static final java.util.Set<String> USD_LIKE =
            java.util.Set.of("USD", "USDC", "FDUSD", "BUSD", "TUSD");
    private static final Levels GENERIC = new Levels("10.00", "0.01", "0.01");

    public SymbolSpec {
        Objects.requireNonNull(symbol, "symbol");
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException(
                    "symbol must be a Binance native symbol in upper case (e.g. BTCUSDT), was '"
                            + symbol
                            + "'");
        }
        tickSize = checkStep("tickSize", symbol, tickSize);
        lotSize = checkStep("lotSize", symbol, lotSize);
        Objects.requireNonNull(startPrice, "startPrice");
        if (startPrice.signum() <= 0) {
            throw new IllegalArgumentException(
                    "startPrice of " + symbol + " must be > 0, was " + startPrice);
        }
        startPrice =
                startPrice
                        .divide(tickSize, 0, RoundingMode.HALF_UP)
                        .max(BigDecimal.ONE)
                        .multiply(tickSize)
                        .setScale(WIRE_SCALE, RoundingMode.UNNECESSARY);
        if (!(meanLotsPerTrade >= 0.0) || Double.isInfinite(meanLotsPerTrade)) {
            throw new IllegalArgumentException(
                    "meanLotsPerTrade of " + symbol + " must be >= 0, was " + meanLotsPerTrade);
        }
    }

    /**
     * Spec with plausible defaults for {@code symbol}: known levels for majors (also against USD,
     * USDC or FDUSD, e.g. {@code BTCUSD}), else 10.00.
     */
    public static SymbolSpec defaultsFor(String symbol) {
        Levels levels = KNOWN.get(symbol);
        if (levels == null && symbol != null && SYMBOL.matcher(symbol).matches()) {
            Instrument i = Instrument.ofBinanceSymbol(symbol);
            boolean dollar = USD_LIKE.contains(i.quote());
            levels = dollar ? KNOWN.getOrDefault(i.base() + "USDT", GENERIC) : GENERIC;
        }
        if (levels == null) {
            levels = GENERIC;
        }
        BigDecimal start = new BigDecimal(levels.start());
        BigDecimal lot = new BigDecimal(levels.lot());
        double lotNotional = start.multiply(lot).doubleValue();
        double meanLots = Math.max(1.0, Math.rint(TARGET_NOTIONAL / lotNotional));
        return new SymbolSpec(symbol, start, new BigDecimal(levels.tick()), lot, meanLots);
    }

    /** The start price in whole ticks. */
    long startTicks() {
        return startPrice.divide(tickSize, 0, RoundingMode.UNNECESSARY).longValueExact();
    }

    private static BigDecimal checkStep(String name, String symbol, BigDecimal step) {
        Objects.requireNonNull(step, name);
        if (step.signum() <= 0) {
            throw new IllegalArgumentException(name + " of " + symbol + " must be > 0");
        }
        BigDecimal normalized = step.stripTrailingZeros();
        if (normalized.scale() > WIRE_SCALE) {
            throw new IllegalArgumentException(
                    name + " of " + symbol + " must have at most 8 decimals, was " + step);
        }
        return normalized;
    }

    /** Default start price, tick and lot of a known symbol, as decimal strings. */
    private record Levels(String start, String tick, String lot) {}
}
