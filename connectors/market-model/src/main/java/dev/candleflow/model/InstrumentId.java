package dev.candleflow.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A canonical instrument, {@code BASE-QUOTE} in upper case (for example {@code BTC-USDT}). A
 * venue's own symbol is converted only inside its adapter.
 */
public record InstrumentId(String base, String quote) implements java.io.Serializable {

    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,20}");

    public InstrumentId {
        if (base == null || !ASSET.matcher(base).matches()) {
            throw new IllegalArgumentException("Invalid base asset '" + base + "'");
        }
        if (quote == null || !ASSET.matcher(quote).matches()) {
            throw new IllegalArgumentException("Invalid quote asset '" + quote + "'");
        }
    }

    /**
     * Parses {@code BASE-QUOTE} (case-insensitive).
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static InstrumentId parse(String text) {
        String s = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        int dash = s.indexOf('-');
        if (dash <= 0 || dash != s.lastIndexOf('-') || dash == s.length() - 1) {
            throw new IllegalArgumentException(
                    "Invalid symbol '" + text + "': expected BASE-QUOTE, e.g. BTC-USDT");
        }
        try {
            return new InstrumentId(s.substring(0, dash), s.substring(dash + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid symbol '" + text + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return base + "-" + quote;
    }
}
