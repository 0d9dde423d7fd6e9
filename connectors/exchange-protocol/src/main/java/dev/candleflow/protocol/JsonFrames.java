package dev.candleflow.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.candleflow.protocol.ParsedFrame.Malformed;
import java.io.IOException;

/**
 * Streaming JSON reading shared by the venue adapters: frame limits, the decode-or-reason step, and
 * token accessors that never coerce a wrong type (a price sent as {@code true} is reported, not
 * guessed).
 */
public final class JsonFrames {

    /** A venue frame above 1 MiB is not a trade feed message: reject before parsing. */
    public static final int MAX_FRAME_CHARS = 1 << 20;

    /** Venue messages nest three or four levels; deeper input is garbage or an attack. */
    static final int MAX_NESTING_DEPTH = 64;

    /** Longer numbers are never prices, quantities, times or ids. */
    static final int MAX_NUMBER_CHARS = 100;

    private static final int MAX_DETAIL_CHARS = 200;

    private static final JsonFactory JSON =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxNestingDepth(MAX_NESTING_DEPTH)
                                    .maxNumberLength(MAX_NUMBER_CHARS)
                                    .build())
                    .build();

    private JsonFrames() {}

    /** Reads one JSON value from a parser that is positioned on the value's first token. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(JsonParser p) throws IOException;
    }

    /** Reads one array element from a parser positioned on its first token. */
    @FunctionalInterface
    public interface ElementReader<T> {
        T read(JsonParser p, JsonToken first) throws IOException;
    }

    /**
     * The elements of an array value, each read by {@code element}; null (the value skipped) when
     * the value is not an array.
     */
    public static <T> java.util.List<T> array(JsonParser p, JsonToken t, ElementReader<T> element)
            throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        java.util.List<T> out = new java.util.ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            out.add(element.read(p, e));
        }
        return out;
    }

    /** A decoded frame: either the value or why there is none. */
    public record Decoded<T>(T value, Malformed problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Decodes a frame whose top level must be {@code expected} ({@link JsonToken#START_OBJECT} or
     * {@link JsonToken#START_ARRAY}). Never throws: empty, oversized, broken or trailing input
     * comes back as a problem.
     */
    public static <T> Decoded<T> decode(String frame, JsonToken expected, Reader<T> reader) {
        if (frame == null || frame.isEmpty()) {
            return new Decoded<>(null, MalformedReason.EMPTY_FRAME.of("empty frame"));
        }
        if (frame.length() > MAX_FRAME_CHARS) {
            return new Decoded<>(
                    null, MalformedReason.OVERSIZED_FRAME.of(frame.length() + " chars"));
        }
        try (JsonParser p = JSON.createParser(frame)) {
            if (p.nextToken() != expected) {
                return new Decoded<>(null, MalformedReason.MALFORMED_JSON.of("not a " + expected));
            }
            T value = reader.read(p);
            if (p.nextToken() != null) {
                return new Decoded<>(
                        null, MalformedReason.MALFORMED_JSON.of("trailing content after JSON"));
            }
            return new Decoded<>(value, null);
        } catch (IOException | RuntimeException e) {
            // Jackson reports broken JSON, limits and number overflow as exceptions; a venue
            // frame must never fail the job, so each becomes a reason instead.
            String what = e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Decoded<>(null, MalformedReason.MALFORMED_JSON.of(cut(what)));
        }
    }

    /** The literal text of a string or number value, else null; other values are skipped. */
    public static String scalar(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING
                || t == JsonToken.VALUE_NUMBER_INT
                || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getText(); // the wire text: never converted through double
        }
        p.skipChildren();
        return null;
    }

    /** A string value, else null; other values are skipped. */
    public static String string(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** A boolean value, else null; other values are skipped. */
    public static Boolean bool(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        p.skipChildren();
        return null;
    }

    /** Flattens an error value into {@code key=value, ...} (an object) or its text (a scalar). */
    public static String flatten(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            String s = t.isScalarValue() ? p.getText() : t.name();
            p.skipChildren();
            return cut(s);
        }
        StringBuilder sb = new StringBuilder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v.isScalarValue()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(name).append('=');
                sb.append(p.getText());
            } else {
                p.skipChildren();
            }
        }
        return cut(sb.toString());
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
    }

    /** Cuts venue text down to a size that is safe to put into a detail or a log line. */
    public static String cut(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() > MAX_DETAIL_CHARS ? s.substring(0, MAX_DETAIL_CHARS) + "..." : s;
    }
}
