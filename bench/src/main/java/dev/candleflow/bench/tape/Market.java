package dev.candleflow.bench.tape;

import dev.candleflow.model.InstrumentId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The market every venue of the tape trades around: per symbol one price walking on a 100 ms grid,
 * which each venue quotes with its own small basis and a tick of noise. Differences stay far below
 * the outlier rules (fat finger 500 bps, off-market at least 60 bps), so every generated trade
 * belongs in the candles.
 */
public final class Market {

    static final long STEP_MILLIS = 100;

    /** Per venue position in the run's venue list: a small, distinct basis in basis points. */
    private static final int[] BASIS_BPS = {0, -1, 2, 1, -2, 3, -3};

    private static final String[] BASES = {
        "BTC", "ETH", "SOL", "XRP", "DOGE", "ADA", "AVAX", "LINK", "DOT", "LTC", "TRX", "BCH",
                "NEAR",
        "UNI", "ATOM", "XLM", "ETC", "FIL", "APT", "ARB", "OP", "INJ", "SUI", "AAVE", "ALGO",
                "SAND",
        "MANA", "AXS", "EGLD", "XTZ"
    };
    private static final double[] START_PRICES = {
        60_000, 3_000, 150, 0.6, 0.15, 0.45, 35, 15, 7, 80, 0.12, 450, 5, 8, 9, 0.11, 25, 5, 9, 1.1,
        2.2, 25, 1.5, 95, 0.18, 0.4, 0.45, 7, 40, 0.9
    };
    private static final String QUOTE = "USDT";

    private final List<InstrumentId> symbols;
    private final int[] scales;
    private final long[][] ticks;
    private final long startMillis;

    /**
     * @param spanMillis how long the walk must last, from {@code startMillis}
     */
    Market(int symbolCount, long startMillis, long spanMillis, SplittableRandom random) {
        this.symbols = symbols(symbolCount);
        this.startMillis = startMillis;
        this.scales = new int[symbolCount];
        this.ticks = new long[symbolCount][(int) (spanMillis / STEP_MILLIS) + 2];
        for (int s = 0; s < symbolCount; s++) {
            double start =
                    s < START_PRICES.length
                            ? START_PRICES[s]
                            : Math.pow(10, random.nextDouble(-1, 4));
            // six to seven significant digits, as venues quote
            scales[s] = Math.max(2, 6 - (int) Math.floor(Math.log10(start)));
            long t = Math.round(start * Math.pow(10, scales[s]));
            for (int step = 0; step < ticks[s].length; step++) {
                ticks[s][step] = t;
                // 0.3 bp per step: about 60 bp an hour, a calm market
                t = Math.max(1_000, t + Math.round(random.nextGaussian() * t * 0.3e-4));
            }
        }
    }

    /** BTC-USDT, ETH-USDT, ... and beyond the known bases X031-USDT, X032-USDT, ... */
    public static List<InstrumentId> symbols(int count) {
        List<InstrumentId> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            String base =
                    s < BASES.length
                            ? BASES[s]
                            : String.format(java.util.Locale.ROOT, "X%03d", s + 1);
            out.add(new InstrumentId(base, QUOTE));
        }
        return out;
    }

    List<InstrumentId> symbols() {
        return symbols;
    }

    /** A venue's price of a symbol at a time: the market plus the venue's basis, plus noise. */
    BigDecimal price(int symbol, int venueIndex, long timeMillis, SplittableRandom random) {
        long[] path = ticks[symbol];
        long market =
                path[(int) Math.min(path.length - 1, (timeMillis - startMillis) / STEP_MILLIS)];
        long basis = market * BASIS_BPS[venueIndex % BASIS_BPS.length] / 10_000;
        return BigDecimal.valueOf(market + basis + random.nextInt(3) - 1, scales[symbol]);
    }

    /** A quantity between 0.000001 and 2 units. */
    static BigDecimal quantity(SplittableRandom random) {
        return BigDecimal.valueOf(1 + random.nextInt(2_000_000), 6);
    }
}
