package dev.candleflow.bench.tape;

import java.util.Locale;

/**
 * Trade ids of the tape: contiguous per venue and symbol, as the venues number them, and readable
 * back into (symbol index, n-th trade of that symbol), which is how a sink finds when the trade a
 * live candle ends with was received. Numeric ids are {@code (symbol + 1) * 10^9 + n}; Bybit's
 * UUIDs carry the same two numbers in hex.
 */
public final class TradeIds {

    static final long SYMBOL_STRIDE = 1_000_000_000L;

    /** Not a tape id. */
    public static final long NONE = -1L;

    private TradeIds() {}

    /** The numeric id of the n-th trade of a symbol. */
    public static long numeric(int symbol, int n) {
        return (symbol + 1L) * SYMBOL_STRIDE + n;
    }

    /** The UUID of the n-th trade of a symbol (Bybit). */
    public static String uuid(int symbol, int n) {
        return String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", symbol, n);
    }

    /** {@code symbol << 32 | n} of an id printed by either scheme, or {@link #NONE}. */
    public static long decode(String id) {
        try {
            if (id.length() == 36 && id.charAt(8) == '-') {
                int symbol = Integer.parseInt(id.substring(0, 8), 16);
                long n = Long.parseLong(id.substring(24), 16);
                return pack(symbol, n);
            }
            long value = Long.parseLong(id);
            return pack((int) (value / SYMBOL_STRIDE - 1), value % SYMBOL_STRIDE);
        } catch (NumberFormatException e) {
            return NONE;
        }
    }

    public static int symbol(long packed) {
        return (int) (packed >>> 32);
    }

    public static int n(long packed) {
        return (int) packed;
    }

    private static long pack(int symbol, long n) {
        if (symbol < 0 || n < 0 || n > Integer.MAX_VALUE) {
            return NONE;
        }
        return ((long) symbol << 32) | n;
    }
}
