package dev.candleflow.model;

import java.util.Objects;

/**
 * Input candleflow could not use, kept with the reason instead of being dropped.
 *
 * @param venue the venue the payload came from
 * @param reason a short machine-readable reason, e.g. {@code malformed_json}, {@code bad_price}
 * @param detail a human-readable explanation
 * @param payload the raw payload, cut to {@link #MAX_PAYLOAD_CHARS}
 * @param receivedAtMicros when it was received
 */
public record DeadLetter(
        Venue venue, String reason, String detail, String payload, long receivedAtMicros) {

    /** Payloads longer than this are cut; the detail then says how long the original was. */
    public static final int MAX_PAYLOAD_CHARS = 16_384;

    public DeadLetter {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
        payload = payload == null ? "" : payload;
        if (payload.length() > MAX_PAYLOAD_CHARS) {
            detail = detail + " (payload cut from " + payload.length() + " chars)";
            payload = payload.substring(0, MAX_PAYLOAD_CHARS);
        }
    }
}
