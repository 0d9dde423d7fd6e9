package dev.candleflow.model;

import java.time.Duration;
import java.util.Locale;

/** A candle length, aligned to UTC epoch boundaries. */
public enum CandleInterval {
    S1("1s", Duration.ofSeconds(1)),
    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    H1("1h", Duration.ofHours(1)),
    D1("1d", Duration.ofDays(1));

    private final String label;
    private final Duration length;

    CandleInterval(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    /** The short name used in configuration, storage and keys, e.g. {@code 1m}. */
    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }

    public long lengthMicros() {
        return length.toNanos() / 1000L;
    }

    /** The open time (inclusive) of the interval holding {@code timeMicros}. */
    public long openTimeMicros(long timeMicros) {
        long len = lengthMicros();
        return Math.floorDiv(timeMicros, len) * len;
    }

    /** Resolves {@code 1s}, {@code 1m}, ... or throws naming the accepted values. */
    public static CandleInterval fromLabel(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (CandleInterval i : values()) {
            if (i.label.equals(wanted)) {
                return i;
            }
        }
        throw new IllegalArgumentException(
                "Unknown interval '" + text + "'; known intervals: 1s, 1m, 5m, 15m, 1h, 1d");
    }
}
