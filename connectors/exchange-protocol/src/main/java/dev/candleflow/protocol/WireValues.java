package dev.candleflow.protocol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * Exact conversions of venue text values (ids, decimals, times) with the bounds every venue shares.
 * Nothing here goes through {@code double}, and nothing throws on venue text.
 */
public final class WireValues {

    /** No trade happened before the first Bitcoin block (2009-01-03T18:15:05Z). */
    public static final long MIN_EVENT_TIME_MICROS = 1_231_006_505_000_000L;

    /** A trade stamped more than a day after we received it is a broken clock, not a trade. */
    public static final long MAX_CLOCK_AHEAD_MICROS = Duration.ofDays(1).toNanos() / 1000L;

    /** Returned by {@link #epochMicros} for text that is no usable time. */
    public static final long INVALID_TIME = Long.MIN_VALUE;

    /** Prices and quantities: at most 20 integer digits and 18 decimals, as in the sinks. */
    static final int MAX_INTEGER_DIGITS = 20;

    static final int MAX_SCALE = 18;

    /** Longer text is never a price: reject it before {@link BigDecimal} parses it. */
    static final int MAX_DECIMAL_CHARS = 64;

    static final int MAX_TIME_CHARS = 40;

    /** How a venue writes trade times. */
    public enum TimeFormat {
        EPOCH_SECONDS(1_000_000L),
        EPOCH_MILLIS(1_000L),
        EPOCH_MICROS(1L),
        /** RFC 3339 / ISO-8601 instant, e.g. {@code 2021-04-17T16:43:37.121358Z}. */
        RFC3339(0L);

        private final long microsPerUnit;

        TimeFormat(long microsPerUnit) {
            this.microsPerUnit = microsPerUnit;
        }
    }

    private WireValues() {}

    /** A non-negative decimal integer id, or -1. */
    public static long parseId(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 19) {
            return -1L;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
                return -1L;
            }
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            return -1L; // 19 digits above Long.MAX_VALUE
        }
    }

    /**
     * Microseconds since the epoch for {@code raw} in {@code format}, or {@link #INVALID_TIME}.
     * Fractions below a microsecond (Gate.io sends {@code "1606292218213.4578"} ms) are floored.
     */
    public static long epochMicros(String raw, TimeFormat format) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_TIME_CHARS) {
            return INVALID_TIME;
        }
        try {
            if (format == TimeFormat.RFC3339) {
                Instant i = Instant.parse(raw);
                return Math.addExact(
                        Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
            }
            BigDecimal v = new BigDecimal(raw);
            // Bound the digits before scaling: 1e999999999 would otherwise build a huge number.
            if (v.precision() - v.scale() > 19 || v.scale() > MAX_SCALE) {
                return INVALID_TIME;
            }
            return v.multiply(BigDecimal.valueOf(format.microsPerUnit))
                    .setScale(0, RoundingMode.FLOOR)
                    .longValueExact();
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return INVALID_TIME;
        }
    }

    /** Whether a trade time is after 2009 and at most a day after receipt. */
    public static boolean plausibleTime(long eventTimeMicros, long receivedAtMicros) {
        long latest =
                receivedAtMicros > Long.MAX_VALUE - MAX_CLOCK_AHEAD_MICROS
                        ? Long.MAX_VALUE
                        : receivedAtMicros + MAX_CLOCK_AHEAD_MICROS;
        return eventTimeMicros >= MIN_EVENT_TIME_MICROS && eventTimeMicros <= latest;
    }

    /** Null when {@code text} is an exact positive decimal in range, else what is wrong. */
    public static String decimalProblem(String text) {
        if (text.length() > MAX_DECIMAL_CHARS) {
            return "is too long";
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return "is not a decimal";
        }
        if (value.signum() <= 0) {
            return "is not > 0";
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_SCALE) {
            return "is out of range";
        }
        return null;
    }

    /** Whether {@code s} is non-blank printable ASCII of at most {@code maxChars}. */
    public static boolean printableToken(String s, int maxChars) {
        if (s.isEmpty() || s.length() > maxChars) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x21 || s.charAt(i) > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
