package dev.candleflow.protocol;

import dev.candleflow.protocol.ParsedFrame.Malformed;

/** The reasons a frame or REST body can be {@link Malformed}: one vocabulary for every venue. */
public enum MalformedReason {
    MALFORMED_JSON("malformed_json"),
    UNKNOWN_EVENT("unknown_event"),
    UNKNOWN_MESSAGE("unknown_message"),
    MISSING_FIELD("missing_field"),
    BAD_PRICE("bad_price"),
    BAD_QUANTITY("bad_quantity"),
    BAD_TIMESTAMP("bad_timestamp"),
    BAD_TRADE_ID("bad_trade_id"),
    UNKNOWN_SYMBOL("unknown_symbol"),
    OVERSIZED_FRAME("oversized_frame"),
    EMPTY_FRAME("empty_frame");

    private final String code;

    MalformedReason(String code) {
        this.code = code;
    }

    /** The machine-readable reason stored with dead letters, e.g. {@code bad_price}. */
    public String code() {
        return code;
    }

    /** A {@link Malformed} with this reason. */
    public Malformed of(String detail) {
        return new Malformed(code, detail);
    }

    /** Whether {@code code} belongs to this vocabulary. */
    public static boolean isKnown(String code) {
        for (MalformedReason r : values()) {
            if (r.code.equals(code)) {
                return true;
            }
        }
        return false;
    }
}
