package dev.candleflow.simulator.venue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Text pieces that several venue protocols print the same way: JSON strings, times, requests. */
public final class WireText {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private WireText() {}

    /** {@code text} as a quoted JSON string. */
    public static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }

    /**
     * RFC 3339 with microseconds, as Coinbase and Kraken print: {@code
     * 2021-04-17T16:43:37.121358Z}.
     */
    public static String isoMicros(long epochMicros) {
        long seconds = Math.floorDiv(epochMicros, 1_000_000L);
        long nanos = Math.floorMod(epochMicros, 1_000_000L) * 1000L;
        return ISO_MICROS.format(Instant.ofEpochSecond(seconds, nanos));
    }

    /** Epoch seconds with six decimals: {@code 1688669597.827737}. */
    public static String secondsWithMicros(long epochMicros) {
        return Math.floorDiv(epochMicros, 1_000_000L)
                + "."
                + String.format("%06d", Math.floorMod(epochMicros, 1_000_000L));
    }

    /** A client's JSON request, or empty if it is not JSON. */
    public static Optional<JsonNode> parse(String text) {
        try {
            return Optional.ofNullable(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A shared mapper for building replies with {@code createObjectNode()}. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
